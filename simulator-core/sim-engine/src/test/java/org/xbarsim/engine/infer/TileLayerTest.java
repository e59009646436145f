package org.xbarsim.engine.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.random.RandomStream;
import org.xbarsim.api.random.RandomStreams;
import org.xbarsim.api.workload.WeightLayer;
import org.xbarsim.engine.converter.AdcErrors;
import org.xbarsim.engine.fixtures.IdealDevices;
import org.xbarsim.engine.fixtures.StepPolicy;
import org.xbarsim.engine.hw.ChipConfig;
import org.xbarsim.engine.hw.PeripheryConfig;
import org.xbarsim.engine.run.ProgrammingRun;
import org.xbarsim.engine.run.RunListener;
import org.xbarsim.engine.run.RunPlan;
import org.xbarsim.engine.run.RunResult;
import org.xbarsim.engine.run.TileJob;
import org.xbarsim.engine.run.WeightMapper;
import org.xbarsim.engine.scenario.InferenceSpec;
import org.xbarsim.engine.wire.Wires;

/**
 * A layer as a workload uses it: the arrays it is handed, its DAC over signed inputs, its tiles' ADC range
 * fixed by the calibration read, and fresh read noise for every batch. Ideal devices (every weight exactly
 * 9 w uS: F = 3, G_T = 15 uS, the layer's largest weight 5), 8x8 tiles, a 10-bit DAC and ADC.
 */
class TileLayerTest {
    private static final ChipConfig CHIP = new ChipConfig(1e9, 8, 8, 3, 10, 1, 60, 200, 50, 100, 1, 1, 10, 50, 0.1,
            1, 0.1);

    /** The 20x12 layer w = i mod 6 over a 3x2 grid of tiles. */
    private static WeightLayer grid() {
        double[] w = new double[20 * 12];
        for (int i = 0; i < w.length; i++) {
            w[i] = i % 6;
        }
        return new WeightLayer("w", 20, 12, w);
    }

    /** One 8x8 tile: row 0 all 1, row 1 all 5, the rest 0. */
    private static WeightLayer twoRows() {
        double[] w = new double[64];
        Arrays.fill(w, 0, 8, 1);
        Arrays.fill(w, 8, 16, 5);
        return new WeightLayer("w", 8, 8, w);
    }

    private static AnalogNetwork start(ChipConfig chip, WeightLayer layer, double readVariance, String... inference) {
        IdealDevices device = new IdealDevices();
        StepPolicy policy = new StepPolicy();
        List<TileJob> jobs = WeightMapper.map(List.of(layer), 8, 8, 3, 15);
        RunPlan plan = new RunPlan(chip, device, Parameters.of(device.parameters(), "readVariance",
                Double.toString(readVariance)), policy, Parameters.of(policy.parameters()), new RandomStreams(1), 0.9);
        RunResult programmed = ProgrammingRun.execute(plan, jobs, 1, RunListener.NONE);
        String[] knobs = Arrays.copyOf(new String[] {"dacBits", "10"}, 2 + inference.length);
        System.arraycopy(inference, 0, knobs, 2, inference.length);
        return AnalogNetwork.start(chip, jobs, programmed.programmed(), Parameters.of(InferenceSpec.PARAMETERS, knobs),
                15, new RandomStreams(1), 1);
    }

    private static double product(float[] x, WeightLayer layer, int b, int o) {
        double sum = 0;
        for (int i = 0; i < layer.rows(); i++) {
            sum += x[b * layer.rows() + i] * layer.weights()[i * layer.cols() + o];
        }
        return sum;
    }

    @Test
    void aBatchTheArraysCannotHoldIsRefusedNamingTheSizes() {
        try (AnalogNetwork network = start(CHIP, grid(), 0)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> network.layer(0).multiply(new float[39], 2, new float[24]));
            assertEquals("layer 0: a batch of 2 needs 40 inputs and 24 outputs, got arrays of 39 and 24",
                    e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> network.layer(0).multiply(new float[40], 2,
                    new float[23]));
        }
    }

    /**
     * The outputs replace what the array held (a workload reuses its buffers), and an array longer than
     * the batch keeps its tail.
     */
    @Test
    void theOutputsReplaceWhatTheArrayHeld() {
        float[] x = new float[2 * 20];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i % 5) / 4f;
        }
        float[] clean = new float[2 * 12];
        float[] used = new float[2 * 12 + 3];
        Arrays.fill(used, 1000f);
        try (AnalogNetwork network = start(CHIP, grid(), 0)) {
            network.layer(0).multiply(x, 2, clean);
        }
        try (AnalogNetwork network = start(CHIP, grid(), 0)) {
            network.layer(0).multiply(x, 2, used);
        }
        assertArrayEquals(clean, Arrays.copyOf(used, clean.length));
        assertArrayEquals(new float[] {1000f, 1000f, 1000f}, Arrays.copyOfRange(used, clean.length, used.length));
    }

    /**
     * Inputs from -3 to 3: the DAC takes its range from the largest and a sign bit from the negative ones.
     * Errors: the 10-bit signed DAC rounds each input by at most 3 / 1022, over 20 inputs of weight up to 5
     * at most 0.29; each of three tiles' ADCs rounds by half an LSB of a range of 1.25 x its largest partial
     * sum (at most 8 x 3 x 5 = 120), 0.15; together at most 0.73, so 0.75. Clipped to [0, 1] as unsigned
     * inputs of the default range would be, outputs would miss by tens.
     */
    @Test
    void signedInputsAreConvertedOverTheirWholeRange() {
        int batch = 4;
        float[] x = new float[batch * 20];
        RandomStream r = new RandomStream(5);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (6 * r.nextDouble() - 3);
        }
        float[] y = new float[batch * 12];
        try (AnalogNetwork network = start(CHIP, grid(), 0)) {
            network.layer(0).multiply(x, batch, y);
        }
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < 12; o++) {
                assertEquals(product(x, grid(), b, o), y[b * 12 + o], 0.75, "sample " + b + " output " + o);
            }
        }
    }

    /**
     * Calibrated on row 0 (weights 1: 9 uS), the ADC's range is 1.25 x 9 uS; a later read of row 1
     * (weights 5) saturates at the top code, the middle of its interval: 1.25 (1 - 1 / 1024) in weight
     * units. A range set again on each batch would read 5.
     */
    @Test
    void theAdcRangeIsFixedByTheCalibrationRead() {
        float[] row0 = new float[8];
        row0[0] = 1;
        float[] row1 = new float[8];
        row1[1] = 1;
        float[] y = new float[8];
        try (AnalogNetwork network = start(CHIP, twoRows(), 0)) {
            network.layer(0).calibrate(row0, 1);
            network.layer(0).multiply(row1, 1, y);
        }
        for (float v : y) {
            assertEquals(1.25 * (1 - 1 / 1024.0), v, 1e-5);
        }
    }

    /**
     * Calibrated on zeros, the ADC still converts, over 1 uS either side: a weight of 5 (45 uS) read with
     * input 1 saturates at (1 - 1 / 1024) uS, 5 / 45 of that in weight units.
     */
    @Test
    void aLayerCalibratedOnZerosStillConverts() {
        float[] row1 = new float[8];
        row1[1] = 1;
        float[] y = new float[8];
        try (AnalogNetwork network = start(CHIP, twoRows(), 0)) {
            network.layer(0).calibrate(new float[8], 1);
            network.layer(0).multiply(row1, 1, y);
        }
        for (float v : y) {
            assertEquals((1 - 1 / 1024.0) * 5 / 45, v, 1e-6);
        }
    }

    private static float[][] twoBatches(ChipConfig chip, double readVariance) {
        float[] x = new float[3 * 20];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i % 7) / 7f;
        }
        float[] first = new float[3 * 12];
        float[] second = new float[3 * 12];
        try (AnalogNetwork network = start(chip, grid(), readVariance)) {
            network.layer(0).multiply(x, 3, first);
            network.layer(0).multiply(x, 3, second);
        }
        return new float[][] {first, second};
    }

    /**
     * Each batch draws read noise of its own, the same in every run of the same seed: the same inputs read
     * twice differ, a second chip from the seed repeats both; without read noise the two reads agree.
     */
    @Test
    void everyBatchDrawsFreshReadNoiseReproducibly() {
        float[][] noisy = twoBatches(CHIP, 1.0);
        assertFalse(Arrays.equals(noisy[0], noisy[1]), "two batches, two draws");
        float[][] again = twoBatches(CHIP, 1.0);
        assertArrayEquals(noisy[0], again[0]);
        assertArrayEquals(noisy[1], again[1]);
        float[][] quiet = twoBatches(CHIP, 0);
        assertArrayEquals(quiet[0], quiet[1]);
    }

    /** The ADCs' conversion noise reaches inference too, drawn afresh for each batch. */
    @Test
    void adcNoiseIsDrawnForEachBatch() {
        ChipConfig noisy = CHIP.withPeriphery(new PeripheryConfig("sar", 10, new AdcErrors(0, 0, 0, 0, 2, false),
                Wires.NONE));
        float[][] y = twoBatches(noisy, 0);
        assertFalse(Arrays.equals(y[0], y[1]), "two batches, two draws of ADC noise");
    }
}
