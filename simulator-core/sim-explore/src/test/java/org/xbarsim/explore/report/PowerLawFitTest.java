package org.xbarsim.explore.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The growth exponent: the least-squares slope of log wall time against log weights. */
class PowerLawFitTest {
    @Test
    void theSlopeOfAPowerLawIsItsExponent() {
        // t = 3 w^1.5 exactly: every log-log point on a line of slope 1.5.
        List<Double> w = List.of(1e4, 1e5, 1e6, 1e7);
        List<Double> t = w.stream().map(x -> 3 * Math.pow(x, 1.5)).toList();
        assertEquals(1.5, PowerLawFit.exponent(w, t), 1e-12);
    }

    @Test
    void theSlopeOfScatteredPointsIsTheLeastSquaresOne() {
        // x = ln w: 0, 1, 2, 3; y = ln t: 0, 2, 3, 5. Slope = sum (x - 1.5)(y - 2.5) / sum (x - 1.5)^2
        // = (3.75 + 0.25 + 0.25 + 3.75) / (2.25 + 0.25 + 0.25 + 2.25) = 8 / 5.
        List<Double> w = List.of(1.0, Math.E, Math.exp(2), Math.exp(3));
        List<Double> t = List.of(1.0, Math.exp(2), Math.exp(3), Math.exp(5));
        assertEquals(1.6, PowerLawFit.exponent(w, t), 1e-12);
    }
}
