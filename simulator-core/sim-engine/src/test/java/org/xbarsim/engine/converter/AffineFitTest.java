package org.xbarsim.engine.converter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AffineFitTest {
    @Test
    void anExactLineIsFoundExactly() {
        double[] x = {1, 2, 4, 7};
        double[] y = {5, 7, 11, 17};
        AffineFit f = AffineFit.of(x, y, 4);
        assertEquals(2, f.slope(), 1e-12);
        assertEquals(3, f.intercept(), 1e-12);
    }

    /** Scattered points: the normal equations, slope = (n Sxy - Sx Sy) / (n Sxx - Sx^2), worked by hand. */
    @Test
    void scatteredPointsGetTheLeastSquaresLine() {
        double[] x = {0, 1, 2, 3};
        double[] y = {1, 3, 2, 6};
        // Sx 6, Sy 12, Sxx 14, Sxy 25: slope (100 - 72) / (56 - 36) = 1.4, intercept (12 - 8.4) / 4 = 0.9.
        AffineFit f = AffineFit.of(x, y, 4);
        assertEquals(1.4, f.slope(), 1e-12);
        assertEquals(0.9, f.intercept(), 1e-12);
        // Only the first n points count.
        assertEquals(2, AffineFit.of(new double[] {0, 1, 9}, new double[] {0, 2, -50}, 2).slope(), 1e-12);
    }

    @Test
    void aLineNeedsTwoDistinctInputs() {
        assertThrows(IllegalArgumentException.class, () -> AffineFit.of(new double[] {3, 3}, new double[] {1, 2}, 2));
    }
}
