package org.xbarsim.api.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PortableMathTest {
    /** How far {@code y} is from {@code reference}, in ulps of the reference. */
    private static double ulps(double y, double reference) {
        return Math.abs(y - reference) / Math.ulp(reference);
    }

    @Test
    void withinOneUlpOfStrictMathOverTheWholeRange() {
        SplittableRandom r = new SplittableRandom(1);
        double worst = 0;
        for (int i = 0; i < 2_000_000; i++) {
            double x = -745 + r.nextDouble() * (709.7 + 745);
            double reference = StrictMath.exp(x);
            if (reference >= Double.MIN_NORMAL) {
                worst = Math.max(worst, ulps(PortableMath.exp(x), reference));
            }
        }
        assertTrue(worst <= 1, "worst " + worst + " ulp");
    }

    @Test
    void withinOneUlpWhereTheSimulatorUsesIt() {
        // The ziggurat's wedges (-x^2/2 for |x| up to 3.44) and log-normal draws (sigma z, |z| < 8).
        SplittableRandom r = new SplittableRandom(2);
        double worst = 0;
        int exact = 0;
        int n = 2_000_000;
        for (int i = 0; i < n; i++) {
            double x = -8 + 16 * r.nextDouble();
            double y = PortableMath.exp(x);
            double reference = StrictMath.exp(x);
            worst = Math.max(worst, ulps(y, reference));
            exact += y == reference ? 1 : 0;
        }
        assertTrue(worst <= 1, "worst " + worst + " ulp");
        // Mostly the very bits StrictMath gives: measured 90.3% here (the last rounding of hi + (lo + hi p)
        // goes the other way when e^x lies near the middle of two doubles); a table of single doubles
        // instead of hi-lo pairs measured up to 2 ulp.
        assertTrue(exact > 0.88 * n, exact + " of " + n + " equal to StrictMath");
    }

    @Test
    void agreesWithAnIndependentSeriesInBigDecimal() {
        // e^x = sum x^n / n!, summed in 60 digits: an independent check of the reference itself.
        MathContext mc = new MathContext(60);
        for (double x : new double[] {-5.9, -1.0, -0.3465, 0.0001, 0.5, 1.0, 2.302585092994046, 7.25}) {
            BigDecimal bx = new BigDecimal(x);
            BigDecimal term = BigDecimal.ONE;
            BigDecimal sum = BigDecimal.ONE;
            for (int k = 1; k < 120; k++) {
                term = term.multiply(bx, mc).divide(BigDecimal.valueOf(k), mc);
                sum = sum.add(term, mc);
            }
            double exact = sum.doubleValue();
            assertTrue(ulps(PortableMath.exp(x), exact) <= 1, "x = " + x);
        }
    }

    @Test
    void edgesAndSpecialValues() {
        assertEquals(1.0, PortableMath.exp(0.0));
        assertEquals(1.0, PortableMath.exp(-0.0));
        assertEquals(Math.E, PortableMath.exp(1.0), Math.ulp(Math.E));
        assertEquals(Double.POSITIVE_INFINITY, PortableMath.exp(710));
        assertEquals(Double.POSITIVE_INFINITY, PortableMath.exp(Double.POSITIVE_INFINITY));
        assertEquals(0.0, PortableMath.exp(-746));
        assertEquals(0.0, PortableMath.exp(Double.NEGATIVE_INFINITY));
        assertTrue(Double.isNaN(PortableMath.exp(Double.NaN)));
        // Near overflow (two-step scaling) and in the subnormals: finite, and close to StrictMath.
        double big = PortableMath.exp(709.78);
        assertTrue(ulps(big, StrictMath.exp(709.78)) <= 1, "near overflow: " + big);
        double tiny = PortableMath.exp(-740);
        assertTrue(tiny > 0 && Math.abs(tiny - StrictMath.exp(-740)) <= 2 * Double.MIN_VALUE, "subnormal: " + tiny);
        assertEquals(StrictMath.exp(-708.5), PortableMath.exp(-708.5), Math.ulp(StrictMath.exp(-708.5)));
    }

    @Test
    void isMonotoneAcrossTableBoundaries() {
        // Consecutive arguments around where k changes must not step backwards.
        for (int k = -200; k < 200; k++) {
            double edge = (k + 0.5) * Math.log(2) / 64;
            double prev = PortableMath.exp(Math.nextDown(Math.nextDown(edge)));
            for (int i = 0; i < 4; i++) {
                double x = edge + (i - 1) * Math.ulp(edge);
                double y = PortableMath.exp(x);
                assertTrue(y >= prev, "at " + x);
                prev = y;
            }
        }
    }
}
