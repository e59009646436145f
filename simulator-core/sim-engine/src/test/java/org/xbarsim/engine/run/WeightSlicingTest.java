package org.xbarsim.engine.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbarsim.api.device.UnitCell;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.random.RandomStream;
import org.xbarsim.api.workload.WeightLayer;
import org.xbarsim.engine.scenario.InferenceSpec;

/** Weights split into slices and recombined, against numbers worked out by hand. */
class WeightSlicingTest {
    private static final WeightSlicing TWO_BY_TWO = new WeightSlicing(2, 2);

    /**
     * Two slices of two bits: 15 levels of magnitude. w = 0.6 of clip 1 is N = round(9) = 9 = 10 01 in
     * base 4: digits 2 and 1, significances 3 x 4 / 15 = 0.8 and 3 / 15 = 0.2, so 0.8 x 2/3 + 0.2 x 1/3 = 0.6.
     */
    @Test
    void aWeightSplitByHandAndRecombined() {
        assertEquals(3, TWO_BY_TWO.digitMax());
        assertEquals(15, TWO_BY_TWO.levels());
        assertEquals(2, TWO_BY_TWO.digit(0.6, 1, 0));
        assertEquals(1, TWO_BY_TWO.digit(0.6, 1, 1));
        assertEquals(-2, TWO_BY_TWO.digit(-0.6, 1, 0));
        assertEquals(-1, TWO_BY_TWO.digit(-0.6, 1, 1));
        assertEquals(0.8, TWO_BY_TWO.significance(0), 1e-15);
        assertEquals(0.2, TWO_BY_TWO.significance(1), 1e-15);
        // The clip itself: N = 15, both digits full, 0.8 + 0.2 = 1.
        assertEquals(3, TWO_BY_TWO.digit(2.0, 2.0, 0));
        assertEquals(3, TWO_BY_TWO.digit(2.0, 2.0, 1));
        // Beyond the clip it saturates at the clip; three slices of one bit: 0.5 of clip 1 is round(3.5) = 4 = 100.
        assertEquals(3, TWO_BY_TWO.digit(5.0, 2.0, 1));
        WeightSlicing bits = new WeightSlicing(3, 1);
        assertEquals(7, bits.levels());
        assertEquals(1, bits.digit(0.5, 1, 0));
        assertEquals(0, bits.digit(0.5, 1, 1));
        assertEquals(0, bits.digit(0.5, 1, 2));
        assertEquals(4 / 7.0, bits.significance(0), 1e-15);
        assertEquals(1 / 7.0, bits.significance(2), 1e-15);
    }

    /** Column s x cols + c holds digit s of weight (r, c) as digit x clip / 3; the recombination gives 0.6 back. */
    @Test
    void theSplitLayerIsSliceMajorAndCombinesBack() {
        WeightLayer layer = new WeightLayer("w", 2, 2, new double[] {0.6, -0.6, 1.0, 0});
        WeightLayer split = TWO_BY_TWO.split(layer, 1.0);
        assertEquals(2, split.rows());
        assertEquals(4, split.cols());
        assertArrayEquals(new double[] {2 / 3.0, -2 / 3.0, 1 / 3.0, -1 / 3.0, 1, 0, 1, 0}, split.weights(), 1e-15);
        float[] physical = new float[split.weights().length];
        for (int i = 0; i < physical.length; i++) {
            physical[i] = (float) split.weights()[i];
        }
        float[] y = new float[4];
        TWO_BY_TWO.combine(physical, 2, 2, y);
        assertArrayEquals(new float[] {0.6f, -0.6f, 1f, 0f}, y, 1e-6f);
    }

    /** Random weights come back within half a level of the k x b bit quantisation, and no closer in general. */
    @Test
    void recombinationErrsByAtMostHalfALevel() {
        WeightSlicing slicing = new WeightSlicing(3, 2);
        RandomStream r = new RandomStream(4);
        double clip = 1.5;
        double worst = 0;
        for (int i = 0; i < 2000; i++) {
            double w = (2 * r.nextDouble() - 1) * clip;
            double back = 0;
            for (int s = 0; s < 3; s++) {
                back += slicing.significance(s) * slicing.digit(w, clip, s) * clip / slicing.digitMax();
            }
            worst = Math.max(worst, Math.abs(back - w));
        }
        double half = clip / slicing.levels() / 2;
        assertTrue(worst <= half * (1 + 1e-9), "worst " + worst);
        assertTrue(worst > 0.9 * half, "2000 uniform weights come within 10% of the bound: " + worst);
    }

    /** One slice is the analog weight itself; the keys' defaults ask for it; without inference, none. */
    @Test
    void oneSliceIsTheUnslicedWeight() {
        WeightLayer layer = new WeightLayer("w", 1, 2, new double[] {0.3, -0.7});
        assertSame(layer, WeightSlicing.NONE.split(layer, 0.7));
        assertFalse(WeightSlicing.NONE.sliced());
        assertEquals(WeightSlicing.NONE, WeightSlicing.of(null));
        assertEquals(new WeightSlicing(1, 2), WeightSlicing.of(Parameters.of(InferenceSpec.PARAMETERS)));
        assertEquals(new WeightSlicing(4, 3), WeightSlicing.of(Parameters.of(InferenceSpec.PARAMETERS,
                "weightSlices", "4", "weightSliceBits", "3")));
        assertTrue(new WeightSlicing(2, 1).sliced());
    }

    @Test
    void outOfRangeSlicesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new WeightSlicing(0, 2));
        assertThrows(IllegalArgumentException.class, () -> new WeightSlicing(9, 2));
        assertThrows(IllegalArgumentException.class, () -> new WeightSlicing(2, 0));
        assertThrows(IllegalArgumentException.class, () -> new WeightSlicing(2, 9));
        new WeightSlicing(8, 8);
        new WeightSlicing(1, 1);
    }

    /**
     * A 3x5 layer, clip 5, two slices of two bits over 4x4 tiles of two-pair cells (R = 3 x 15 = 45 uS):
     * ten columns in three column blocks (4, 4, 2); w = 3 is N = 9 = digits 2, 1, so targets 30 and 15 uS.
     */
    @Test
    void theMapperProgramsEachSliceAsAColumnGroup() {
        double[] w = new double[15];
        for (int i = 0; i < w.length; i++) {
            w[i] = i % 6;
        }
        List<TileJob> jobs = WeightMapper.map(List.of(new WeightLayer("w", 3, 5, w)), 4, 4, UnitCell.twoPairs(3), 15,
                TWO_BY_TWO);
        assertEquals(3, jobs.size());
        assertEquals(List.of(4, 4, 2), jobs.stream().map(TileJob::cols).toList());
        assertEquals(List.of(0, 4, 8), jobs.stream().map(TileJob::colOffset).toList());
        for (TileJob job : jobs) {
            assertEquals(5.0, job.weightClip());
        }
        // Weight (0, 3) = 3: slice 0 in column 3 (tile 0), slice 1 in column 8 (tile 2, column 0).
        assertEquals(30.0, jobs.get(0).targets()[3], 1e-12);
        assertEquals(15.0, jobs.get(2).targets()[0], 1e-12);
        // Weight (1, 0) = 5 (index 5): both digits 3, full range.
        assertEquals(45.0, jobs.get(1).targets()[4 + 1], 1e-12);
        assertEquals(WeightMapper.map(List.of(new WeightLayer("w", 3, 5, w)), 4, 4, UnitCell.twoPairs(3), 15).size(),
                2);
    }
}
