package org.xbarsim.engine.converter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.xbarsim.api.random.RandomStream;
import org.xbarsim.api.random.RandomStreams;

class ColumnAdcsTest {
    private static final int BITS = 8;
    private static final RandomStreams.Scope TILE = new RandomStreams(1).child("tile3");

    private static ColumnAdcs adcs(AdcErrors e, String architecture, int columns) {
        return ColumnAdcs.build(e, BITS, architecture, columns, 1, TILE);
    }

    /** Mean and slope of code + 0.5 against u over inputs spread across 10-90% of full scale. */
    private static double[] line(ColumnAdcs a, int column) {
        int n = 2000;
        double[] u = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = 256 * (0.1 + 0.8 * i / (n - 1.0));
            y[i] = a.code(column, u[i], null) + 0.5;
        }
        AffineFit f = AffineFit.of(u, y, n);
        // The offset is the line's distance from the ideal at mid-scale, where the gain error pivots.
        return new double[] {f.slope() * 128 + f.intercept() - 128, f.slope() - 1};
    }

    @Test
    void idealConvertersAreNotBuilt() {
        assertNull(ColumnAdcs.build(AdcErrors.NONE, BITS, "sar", 16, 1, TILE));
    }

    /**
     * Offsets and gain errors are drawn per column with the scenario's spreads: over 2,000 ADCs the
     * measured offsets (the fitted line at mid-scale) and gains (its slope) spread as asked. Relative
     * standard error of a standard deviation over 2,000 draws: 1.6%, so 6%.
     */
    @Test
    void offsetsAndGainErrorsSpreadAsAsked() {
        ColumnAdcs a = adcs(new AdcErrors(2.0, 0.03, 0, 0, 0, false), "sar", 2000);
        double so = 0;
        double so2 = 0;
        double sg2 = 0;
        for (int c = 0; c < 2000; c++) {
            double[] l = line(a, c);
            so += l[0];
            so2 += l[0] * l[0];
            sg2 += l[1] * l[1];
        }
        double meanOffset = so / 2000;
        assertEquals(2.0, Math.sqrt(so2 / 2000 - meanOffset * meanOffset), 0.12);
        assertEquals(0.03, Math.sqrt(sg2 / 2000), 0.0018);
    }

    /**
     * Noise per conversion: a fixed input converts to codes with standard deviation sqrt(noise^2 + 1/12),
     * the noise plus the uniform quantisation it dithers. 20,000 conversions: 0.5% standard error; 3%.
     */
    @Test
    void noiseSpreadsRepeatedConversions() {
        ColumnAdcs a = adcs(new AdcErrors(0, 0, 0, 0, 2.0, false), "sar", 1);
        RandomStream noise = new RandomStream(9);
        int n = 20000;
        double s = 0;
        double s2 = 0;
        for (int i = 0; i < n; i++) {
            double c = a.code(0, 100.3, noise);
            s += c;
            s2 += c * c;
        }
        double mean = s / n;
        assertEquals(100.3 - 0.5, mean, 0.05);
        assertEquals(Math.sqrt(4 + 1.0 / 12), Math.sqrt(s2 / n - mean * mean), 0.06);
        assertTrue(a.noisy());
    }

    /**
     * Calibration measures each ADC's affine error and the periphery corrects it: with offsets of 3 LSB
     * and 5% gain errors the corrected outputs track the input within a fraction of an LSB, where
     * uncorrected they miss by several.
     */
    @Test
    void calibrationRemovesTheAffineError() {
        AdcErrors errors = new AdcErrors(3.0, 0.05, 0, 0, 0.3, false);
        AdcErrors calibrated = new AdcErrors(3.0, 0.05, 0, 0, 0.3, true);
        ColumnAdcs raw = adcs(errors, "sar", 64);
        ColumnAdcs cal = adcs(calibrated, "sar", 64);
        RandomStream noise = new RandomStream(2);
        double rawError = 0;
        double calError = 0;
        int n = 0;
        for (int c = 0; c < 64; c++) {
            for (double u = 20; u < 236; u += 1.7) {
                int codeRaw = raw.code(c, u, noise);
                int codeCal = cal.code(c, u, noise);
                rawError += Math.abs(raw.output(c, codeRaw) - u);
                calError += Math.abs(cal.output(c, codeCal) - u);
                n++;
            }
        }
        // Uncorrected: about 0.8 * 3 LSB from the offsets plus the gain errors away from mid-scale.
        assertTrue(rawError / n > 2.0, "uncalibrated mean error " + rawError / n);
        // Corrected: quantisation (1/4 LSB mean), noise (0.3 LSB) and the fit's own noise remain.
        assertTrue(calError / n < 0.45, "calibrated mean error " + calError / n);
        assertTrue(cal.calibrated());
    }

    /**
     * An affine correction cannot straighten a bow: a ramp converter whose INL peaks at 4 LSB keeps most
     * of its curvature after calibration (a line fitted through 4 t (1 - t) on 5-95% of full scale leaves
     * about a third of the peak at mid-scale and the ends).
     */
    @Test
    void calibrationLeavesTheNonlinearity() {
        ColumnAdcs cal = adcs(new AdcErrors(0, 0, 0, 4.0, 0, true), "ramp", 32);
        double worst = 0;
        for (int c = 0; c < 32; c++) {
            for (double u = 13; u < 243; u += 0.9) {
                worst = Math.max(worst, Math.abs(cal.output(c, cal.code(c, u, null)) - u));
            }
        }
        assertTrue(worst > 1.5, "largest calibrated error " + worst);
    }

    /** A SAR's nonlinearity comes from its capacitors: with mismatch alone, codes stray from floor(u). */
    @Test
    void capacitorMismatchBendsASar() {
        ColumnAdcs a = adcs(new AdcErrors(0, 0, 0.05, 0, 0, false), "sar", 8);
        int differ = 0;
        for (double u = 0.5; u < 255; u += 0.25) {
            if (a.code(3, u, null) != (int) u) {
                differ++;
            }
        }
        assertTrue(differ > 50, differ + " of 1020 inputs converted differently");
        // ... and only the SAR's: a ramp converter ignores capacitor mismatch.
        ColumnAdcs ramp = adcs(new AdcErrors(0, 0, 0.05, 0, 0, false), "ramp", 8);
        for (double u = 0.5; u < 255; u += 0.25) {
            assertEquals((int) u, ramp.code(3, u, null));
        }
    }

    @Test
    void convertersSaturateAtTheirRails() {
        ColumnAdcs a = adcs(new AdcErrors(0.5, 0, 0, 0, 0, false), "cco", 4);
        assertEquals(0, a.code(0, -50, null));
        assertEquals(255, a.code(0, 900, null));
    }

    /** Draws are named by tile and ADC: the same tile gets the same converters, another tile others. */
    @Test
    void drawsDependOnTileAndColumnOnly() {
        AdcErrors e = new AdcErrors(1, 0.01, 0.01, 0, 0, false);
        ColumnAdcs a = ColumnAdcs.build(e, BITS, "sar", 16, 1, TILE);
        ColumnAdcs b = ColumnAdcs.build(e, BITS, "sar", 16, 1, new RandomStreams(1).child("tile3"));
        ColumnAdcs other = ColumnAdcs.build(e, BITS, "sar", 16, 1, new RandomStreams(1).child("tile4"));
        int same = 0;
        int different = 0;
        for (double u = 1; u < 255; u += 3.3) {
            same += a.code(5, u, null) == b.code(5, u, null) ? 1 : 0;
            different += a.code(5, u, null) != other.code(5, u, null) ? 1 : 0;
        }
        assertEquals(77, same);
        assertTrue(different > 0);
        // Column 5 of a 16-column tile and of an 8-column tile is the same ADC.
        ColumnAdcs small = ColumnAdcs.build(e, BITS, "sar", 8, 1, TILE);
        assertEquals(a.code(5, 77.7, null), small.code(5, 77.7, null));
    }

    /** Columns sharing an ADC share its errors. */
    @Test
    void columnsOnOneAdcShareItsErrors() {
        ColumnAdcs a = ColumnAdcs.build(new AdcErrors(2, 0.05, 0, 0, 0, false), BITS, "sar", 8, 4, TILE);
        assertEquals(2, a.adcs());
        assertEquals(1, a.adcOf(7));
        for (double u = 1; u < 255; u += 2.9) {
            assertEquals(a.code(0, u, null), a.code(3, u, null));
        }
        double[] first = line(a, 0);
        double[] second = line(a, 4);
        assertNotEquals(first[0], second[0]);
    }
}
