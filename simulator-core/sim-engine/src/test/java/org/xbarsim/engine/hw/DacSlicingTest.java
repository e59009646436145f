package org.xbarsim.engine.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Inputs applied in slices (bit-serially: slices of one bit), against hand calculations: the reads'
 * drives and weights, a bit-serial multiply through an ideal converter equal to the amplitude multiply,
 * and through a coarse ADC off by exactly the sum of each read's own rounding, weighted.
 */
class DacSlicingTest {
    /** A 3-bit unsigned DAC of full scale 7: one level is 1, so q = 5 is code 101. */
    private static final Dac BITS = new Dac(3, 7, false, Dac.Encoding.SLICED, 1);

    @Test
    void aCodeIsReadOneBitAtATimeLeastSignificantFirst() {
        assertEquals(3, BITS.reads());
        assertEquals(1, BITS.steps(), "each read one amplitude step");
        assertEquals(7.0, BITS.slice(5, 0), 1e-15);
        assertEquals(0.0, BITS.slice(5, 1), 1e-15);
        assertEquals(7.0, BITS.slice(5, 2), 1e-15);
        assertEquals(1 / 7.0, BITS.sliceWeight(0), 1e-15);
        assertEquals(2 / 7.0, BITS.sliceWeight(1), 1e-15);
        assertEquals(4 / 7.0, BITS.sliceWeight(2), 1e-15);
        assertEquals(7.0, BITS.sliceStep(), 1e-15);
        assertEquals(1, BITS.sliceBits());
    }

    /**
     * Two-bit slices of a 3-bit code: two reads. q = 5 = 1 01: digits 1 and 1, each driven at 1/3 of 7;
     * weights 3/7 and 12/7, so 7/3 x 3/7 + 7/3 x 12/7 = 1 + 4 = 5. Negative inputs drive the opposite polarity.
     */
    @Test
    void twoBitSlicesByHand() {
        Dac dac = new Dac(3, 7, false, Dac.Encoding.SLICED, 2);
        assertEquals(2, dac.reads());
        assertEquals(7 / 3.0, dac.slice(5, 0), 1e-15);
        assertEquals(7 / 3.0, dac.slice(5, 1), 1e-15);
        assertEquals(3 / 7.0, dac.sliceWeight(0), 1e-15);
        assertEquals(12 / 7.0, dac.sliceWeight(1), 1e-15);
        // A signed 4-bit DAC of full scale 1: three bits of magnitude, level 1/7; -3/7 is code 011.
        Dac signed = new Dac(4, 1, true, Dac.Encoding.SLICED, 1);
        assertEquals(3, signed.reads());
        assertEquals(-1.0, signed.slice(-3 / 7.0, 0), 1e-15);
        assertEquals(-1.0, signed.slice(-3 / 7.0, 1), 1e-15);
        assertEquals(0.0, signed.slice(-3 / 7.0, 2), 1e-15);
        // Eight bits in slices of three: ceil(8 / 3) = 3 reads.
        assertEquals(3, new Dac(8, 1, false, Dac.Encoding.SLICED, 3).reads());
    }

    /** Unsliced encodings read once, drive the quantised input itself and weigh it 1. */
    @Test
    void unslicedEncodingsReadOnce() {
        for (Dac.Encoding e : new Dac.Encoding[] {Dac.Encoding.AMPLITUDE, Dac.Encoding.DURATION}) {
            Dac dac = new Dac(3, 7, false, e, 2);
            assertEquals(1, dac.reads());
            assertEquals(0, dac.sliceBits());
            assertEquals(5.0, dac.slice(5, 0));
            assertEquals(1.0, dac.sliceWeight(0));
            assertEquals(dac.step(), dac.sliceStep());
        }
        assertEquals(7, new Dac(3, 7, false, Dac.Encoding.DURATION).steps());
    }

    @Test
    void sliceBitsOutOfRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Dac(8, 1, false, Dac.Encoding.SLICED, 0));
        assertThrows(IllegalArgumentException.class, () -> new Dac(8, 1, false, Dac.Encoding.SLICED, 17));
        assertEquals(16, new Dac(8, 1, false, Dac.Encoding.SLICED, 16).sliceBits());
    }

    private static final double[][] W = {{3.0, -1.5}, {2.0, 4.0}, {-2.5, 1.0}};
    private static final double[] X = {0.83, 0.31, 0.57};

    private static double dot(double[] x, int col) {
        double y = 0;
        for (int r = 0; r < x.length; r++) {
            y += x[r] * W[r][col];
        }
        return y;
    }

    private static double[] reads(Dac dac, int j) {
        double[] x = new double[X.length];
        for (int r = 0; r < X.length; r++) {
            x[r] = dac.slice(dac.quantize(X[r]), j);
        }
        return x;
    }

    /** Through an ideal converter the weighted reads add up to the amplitude multiply of the quantised inputs. */
    @Test
    void bitSerialThroughAnIdealConverterIsTheAmplitudeMultiply() {
        Dac serial = new Dac(8, 1, false, Dac.Encoding.SLICED, 1);
        Dac amplitude = new Dac(8, 1, false, Dac.Encoding.AMPLITUDE);
        double[] q = new double[X.length];
        for (int r = 0; r < X.length; r++) {
            q[r] = amplitude.quantize(X[r]);
        }
        for (int c = 0; c < 2; c++) {
            double sum = 0;
            for (int j = 0; j < serial.reads(); j++) {
                sum += serial.sliceWeight(j) * dot(reads(serial, j), c);
            }
            assertEquals(dot(q, c), sum, 1e-12);
        }
    }

    /**
     * Through a 4-bit ADC of range 10 (LSB 1.25) every read is rounded to the middle of its code's interval,
     * floor((p + 10) / 1.25) clipped to 0..15: the bit-serial result differs from the exact product by the
     * weighted sum of those roundings, computed here from the converter's definition, and by no more than
     * half an LSB times the weights' sum (1, since they add to 255/255).
     */
    @Test
    void throughACoarseAdcEachReadIsRoundedOnItsOwn() {
        Dac serial = new Dac(8, 1, false, Dac.Encoding.SLICED, 1);
        Adc adc = new Adc(4, 10);
        for (int c = 0; c < 2; c++) {
            double exact = 0;
            double converted = 0;
            double predicted = 0;
            for (int j = 0; j < serial.reads(); j++) {
                double p = dot(reads(serial, j), c);
                exact += serial.sliceWeight(j) * p;
                converted += serial.sliceWeight(j) * adc.value(adc.convert(p));
                int code = (int) Math.max(0, Math.min(15, Math.floor((p + 10) / 1.25)));
                predicted += serial.sliceWeight(j) * (-10 + (code + 0.5) * 1.25 - p);
            }
            assertEquals(predicted, converted - exact, 1e-12);
            assertNotEquals(0.0, converted - exact, "a coarse ADC moves the result");
            assertTrue(Math.abs(converted - exact) <= 0.625 + 1e-12, "column " + c + ": " + (converted - exact));
        }
    }
}
