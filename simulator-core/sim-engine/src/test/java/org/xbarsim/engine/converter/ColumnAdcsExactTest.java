package org.xbarsim.engine.converter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.xbarsim.api.random.RandomStream;
import org.xbarsim.api.random.RandomStreams;

/**
 * The column ADCs against their documented construction, computed again here from the same named
 * streams: each ADC draws its offset, its gain error, then its capacitors (SAR) or its INL peak (ramp,
 * CCO); an input u becomes x = mid + (1 + gain)(u - mid) + offset (+ noise), then the SAR's search or
 * the bow 4 t (1 - t) times the peak, then the code, clipped to the rails.
 */
class ColumnAdcsExactTest {
    private static final RandomStreams.Scope TILE = new RandomStreams(7).child("tile2");

    private static int bowed(double x, double bow) {
        double t = x / 256;
        if (t > 0 && t < 1) {
            x += bow * 4 * t * (1 - t);
        }
        return (int) Math.max(0, Math.min(255, Math.floor(x)));
    }

    @Test
    void rampConvertersFollowTheirDraws() {
        ColumnAdcs a = ColumnAdcs.build(new AdcErrors(2, 0.03, 0, 3, 0, false), 8, "ramp", 4, 1, TILE);
        for (int k = 0; k < 4; k++) {
            RandomStream rng = TILE.stream("adc" + k);
            double offset = 2 * rng.nextGaussian();
            double gain = 0.03 * rng.nextGaussian();
            double bow = 3 * rng.nextGaussian();
            for (double u = -3.3; u < 260; u += 0.77) {
                double x = 128 + (1 + gain) * (u - 128) + offset;
                assertEquals(bowed(x, bow), a.code(k, u, null), "adc " + k + " u " + u);
            }
        }
    }

    @Test
    void sarConvertersSearchTheirOwnCapacitors() {
        ColumnAdcs a = ColumnAdcs.build(new AdcErrors(1, 0.01, 0.05, 0, 0, false), 8, "sar", 3, 1, TILE);
        for (int k = 0; k < 3; k++) {
            RandomStream rng = TILE.stream("adc" + k);
            double offset = rng.nextGaussian();
            double gain = 0.01 * rng.nextGaussian();
            BinaryWeightedArray caps = BinaryWeightedArray.draw(8, 0.05, rng);
            for (double u = -1; u < 258; u += 0.61) {
                double x = 128 + (1 + gain) * (u - 128) + offset;
                assertEquals(caps.search(x / 256), a.code(k, u, null), "adc " + k + " u " + u);
            }
        }
    }

    @Test
    void noiseIsOneDeviatePerConversionFromTheStreamHandedIn() {
        ColumnAdcs a = ColumnAdcs.build(new AdcErrors(0, 0, 0, 0, 2, false), 8, "cco", 1, 1, TILE);
        RandomStream noise = new RandomStream(9);
        RandomStream same = new RandomStream(9);
        for (double u = 3.1; u < 250; u += 7.7) {
            assertEquals(bowed(u + 2 * same.nextGaussian(), 0), a.code(0, u, noise));
        }
    }

    /** Near the top rail an input a hair under 256 LSB is the top code, never a code past it. */
    @Test
    void theTopRailIsTheLastCode() {
        ColumnAdcs a = ColumnAdcs.build(new AdcErrors(0, 1e-12, 0, 0, 0, false), 8, "cco", 1, 1, TILE);
        assertEquals(255, a.code(0, 255.5, null));
        assertEquals(255, a.code(0, 256.4, null));
        assertEquals(254, a.code(0, 254.9, null));
        assertFalse(a.noisy());
        assertFalse(a.calibrated());
        assertEquals(17.5, a.output(0, 17));
    }

    /**
     * Calibration: ADC 1 (serving columns 2 and 3) fits a line through 32 conversions of inputs at
     * 256 (0.05 + 0.9 i / 31), each with its noise from {@code tile2/adc1/calibration}; the output of a
     * code is (code + 0.5 - intercept) / slope. The fit is computed again here by the normal equations.
     */
    @Test
    void calibrationIsTheLeastSquaresLineOfItsReferenceConversions() {
        AdcErrors errors = new AdcErrors(4, 0.05, 0, 0, 0.5, true);
        ColumnAdcs a = ColumnAdcs.build(errors, 8, "ramp", 4, 2, TILE);
        ColumnAdcs raw = ColumnAdcs.build(new AdcErrors(4, 0.05, 0, 0, 0.5, false), 8, "ramp", 4, 2, TILE);
        RandomStream rng = TILE.stream("adc1/calibration");
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < 32; i++) {
            double u = 256 * (0.05 + 0.9 * i / 31);
            double y = raw.code(2, u, rng) + 0.5;
            sx += u;
            sy += y;
            sxx += u * u;
            sxy += u * y;
        }
        double slope = (32 * sxy - sx * sy) / (32 * sxx - sx * sx);
        double intercept = (sy - slope * sx) / 32;
        for (int code = 0; code < 256; code += 17) {
            assertEquals((code + 0.5 - intercept) / slope, a.output(3, code), 1e-9);
        }
    }
}
