package org.xbarsim.api.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.param.Quantity;

class CostsTest {
    private static Costs costs(double readVolts) {
        return new Costs("m", 22.5, 12, 0.01, readVolts, 1.7, 3.3, 0.03, 0.1, 1.1, 0.03, TileArea.UNKNOWN);
    }

    /** A pulse at twice the amplitude and half the width costs 4 x 0.5 = 2 nominal pulses (a^2 w). */
    @Test
    void pulseEnergyGoesAsAmplitudeSquaredTimesWidth() {
        assertEquals(45, Costs.pulse(22.5, 2, 0.5), 1e-12);
        assertEquals(22.5, Costs.pulse(22.5, 1, 1), 0);
        assertEquals(22.5 * 0.25 * 3, Costs.pulse(22.5, 0.5, 3), 1e-12);
    }

    /** V^2 G t: 0.2 V across 25 uS for 100 ns is 0.1 pJ (science.md section 7); half the voltage a quarter. */
    @Test
    void readEnergyIsVoltageSquaredConductanceTime() {
        assertEquals(0.1, costs(0.2).readEnergy(25, 1, 100e-9), 1e-15);
        assertEquals(0.025, costs(0.2).readEnergy(25, 0.5, 100e-9), 1e-15);
        assertEquals(0.2, costs(0.2).readEnergy(50, 1, 100e-9), 1e-15);
        assertEquals(0, costs(0).readEnergy(25, 1, 100e-9));
    }

    @Test
    void costsMustBeFiniteAndNonNegative() {
        assertThrows(IllegalArgumentException.class,
                () -> new Costs("m", -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, TileArea.UNKNOWN));
        assertThrows(IllegalArgumentException.class,
                () -> new Costs("m", 0, 0, 0, 0, Double.POSITIVE_INFINITY, 0, 0, 0, 0, 0, TileArea.UNKNOWN));
        assertThrows(IllegalArgumentException.class,
                () -> new Costs("m", 0, 0, 0, 0, 0, 0, 0, 0, 0, Double.NaN, TileArea.UNKNOWN));
    }

    @Test
    void areaByPartAddsUp() {
        TileArea a = new TileArea(1, 2, 3, 4);
        assertEquals(10, a.total());
        assertTrue(a.known());
        assertFalse(TileArea.UNKNOWN.known());
        assertFalse(new TileArea(1, Double.NaN, 3, 4).known());
    }

    @Test
    void chipShapeKnowsItsRowAndRate() {
        ChipShape chip = new ChipShape(1e9, 256, 256, 4, 8, "cco", 256, 77e-9, 100e-9);
        assertEquals(1024, chip.devicesPerRow());
        assertEquals(1 / 77e-9, chip.adcSampleRate(), 1e-3);
        assertThrows(IllegalArgumentException.class, () -> new ChipShape(1e9, 8, 8, 4, 8, "flash", 8, 1e-8, 1e-7));
    }

    @Test
    void contextResolvesFilesAndNamesKeys(@org.junit.jupiter.api.io.TempDir Path dir) {
        CostContext c = new CostContext(new ChipShape(1e9, 8, 8, 4, 8, "sar", 8, 8e-9, 1e-7),
                new FlatEnergies(10, 50, 0.1, 1, 0.1), "s.yaml", dir);
        Parameters p = Parameters.of(java.util.List.of(ParameterSpec.path("file", "table")), "file", "sub/../t.csv");
        assertEquals(dir.resolve("t.csv"), c.resolve(p, "file"));
        InputError e = c.error("file", "expected a table");
        assertEquals("s.yaml: cost.file: expected a table", e.getMessage());
        assertEquals(0.2, Quantity.VOLTAGE.parse("200mV"), 1e-15);
        assertEquals(2000, Quantity.RESISTANCE.parse("2kohm"), 0);
        assertEquals(14e-9, Quantity.LENGTH.parse("14nm"), 1e-20);
        assertEquals(150e-6, Quantity.CURRENT.parse("150uA"), 1e-18);
    }
}
