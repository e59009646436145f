package org.xbarsim.engine.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A calibration's table and fitted values as text: every figure in its column, the ratio to the law computed. */
class CalibrationTextTest {
    @Test
    void eachLevelIsARowBesideTheLawAndTheirRatio() {
        List<String> lines = LevelSpread.table(List.of(new LevelSpread(0.5, 12.5, 256, -0.0125, 1.2, 1.1, 0.05),
                new LevelSpread(1, 25, 256, 0.5, 2, 1.5, 0.25)), new double[] {0.8, 4});
        assertEquals(List.of(LevelSpread.TABLE_HEADER,
                " 0.50      12.50     256     -0.013   1.200      1.100         0.050       0.800    1.50",
                " 1.00      25.00     256     +0.500   2.000      1.500         0.250       4.000    0.50"), lines);
    }

    @Test
    void fittedValuesAreNamedPairsToFourSignificantDigits() {
        assertEquals("a=1.235 b=5.000e-06", FitParameter.describe(List.of(new FitParameter("a", 0, 2),
                new FitParameter("b", 0, 1)), new double[] {1.23456, 5e-6}));
        assertEquals("", FitParameter.describe(List.of(), new double[0]));
    }
}
