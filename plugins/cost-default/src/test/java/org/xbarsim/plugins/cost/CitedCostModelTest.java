package org.xbarsim.plugins.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xbarsim.api.cost.ChipShape;
import org.xbarsim.api.cost.CostContext;
import org.xbarsim.api.cost.Costs;
import org.xbarsim.api.cost.FlatEnergies;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.param.Preset;

class CitedCostModelTest {
    private static final CitedCostModel MODEL = new CitedCostModel();

    private static Costs price(ChipShape chip, String... values) {
        return MODEL.price(Parameters.of(MODEL.parameters(), values),
                new CostContext(chip, new FlatEnergies(10, 50, 0.1, 1, 0.1), "test.yaml", Path.of(".")));
    }

    private static ChipShape chip(int bits, String architecture, double conversionSeconds) {
        return new ChipShape(1e9, 256, 256, 4, bits, architecture, 256, conversionSeconds, 100e-9);
    }

    /**
     * NVSim charges a current-mode write V I t: SET 150 uA x 1 V x 150 ns = 22.5 pJ, RESET 300 uA x 1 V x
     * 40 ns = 12 pJ, inside science.md's 22-34 and 12-18 pJ at 1-1.5 V.
     */
    @Test
    void pulsesAreNvsimsCell() {
        Costs c = price(chip(10, "sar", 10e-9));
        assertEquals(22.5, c.set(), 1e-9);
        assertEquals(12.0, c.reset(), 1e-9);
        assertEquals(33.75, price(chip(10, "sar", 10e-9), "writeVoltage", "1.5V").set(), 1e-9);
        assertEquals(18.0, price(chip(10, "sar", 10e-9), "writeVoltage", "1.5V").reset(), 1e-9);
        assertEquals("cited", c.model());
    }

    /** A 256-cell row of four devices is 1024 devices: eight of ISAAC's 128-device rows, 8 x 0.41667 pJ. */
    @Test
    void rowDriveGrowsWithTheRow() {
        assertEquals(8 * 0.41667, price(chip(10, "sar", 10e-9)).rowDrive(), 1e-9);
    }

    @Test
    void adcEnergyFollowsItsArchitecture() {
        Costs sar = price(chip(8, "sar", 8e-9));
        Costs cco = price(chip(8, "cco", 77e-9));
        Costs ramp = price(chip(8, "ramp", 256e-9));
        assertEquals(CitedCostModel.fit(Parameters.of(MODEL.parameters())).energy(8, 1.25e8, 32), sar.adc(), 1e-12);
        assertEquals(0.0305 * 256, cco.adc(), 1e-9);
        assertEquals(0.1015 * 256, ramp.adc(), 1e-9);
        // More bits cost more energy for every architecture.
        assertTrue(price(chip(10, "sar", 10e-9)).adc() > sar.adc());
        assertTrue(price(chip(10, "cco", 308e-9)).adc() > cco.adc());
    }

    /**
     * Tile area by part for a 256x256 tile of four-device cells at 32 nm: devices 256 x 1024 x 0.096^2
     * um^2; 256 ADCs of the survey regression's area; 256 rows of a DAC (0.166) and a comparator (36);
     * 256 digital lanes of adder, multiplier and ReLU (137 + 1640 + 36).
     */
    @Test
    void areaByPart() {
        Costs c = price(chip(8, "sar", 8e-9));
        assertEquals(256.0 * 1024 * 0.096 * 0.096, c.area().array(), 1e-6);
        double adc = CitedCostModel.fit(Parameters.of(MODEL.parameters())).area(1.25e8, c.adc(), 32);
        assertEquals(256 * adc, c.area().adcs(), 1e-6);
        assertEquals(256 * 36.166, c.area().rows(), 1e-6);
        assertEquals(256 * 1813.0, c.area().digital(), 1e-6);
        assertTrue(c.area().known());
    }

    @Test
    void hermesPresetIsAFourteenNanometreChipWithAMicronPitch() {
        Preset hermes = MODEL.presets().get(0);
        assertEquals("hermes-14nm", hermes.name());
        assertEquals(Map.of("techNode", "14nm", "cellPitch", "1um"), hermes.values());
        assertTrue(hermes.citation().contains("Khaddam-Aljameh"));
        Costs c = price(chip(8, "sar", 8e-9), "techNode", "14nm", "cellPitch", "1um");
        assertEquals(256.0 * 1024, c.area().array(), 1e-6);
        assertTrue(c.adc() < price(chip(8, "sar", 8e-9)).adc());
    }

    @Test
    void readsCostTheirVoltageSquaredConductanceAndTime() {
        Costs c = price(chip(8, "sar", 8e-9));
        // science.md section 7: 0.2 V across 25 uS for 100 ns is 0.1 pJ.
        assertEquals(0.1, c.readEnergy(25, 1.0, 100e-9), 1e-12);
        assertEquals(0.025, c.readEnergy(25, 0.5, 100e-9), 1e-12);
        assertEquals(0.0, c.readPerDevice());
    }
}
