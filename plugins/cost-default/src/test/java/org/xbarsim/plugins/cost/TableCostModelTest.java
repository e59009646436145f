package org.xbarsim.plugins.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.api.cost.ChipShape;
import org.xbarsim.api.cost.CostContext;
import org.xbarsim.api.cost.Costs;
import org.xbarsim.api.cost.FlatEnergies;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.param.Parameters;

class TableCostModelTest {
    static final String TABLE = """
            # an ISAAC-like table
            component, action, energy, area_um2, source
            device, set, 22.5pJ, 0.01, NVSim
            device, reset, 12pJ
            device, read, 0.1pJ
            row, drive, 0.42pJ, 36
            row, step, 30fJ
            adc, convert, 1.67pJ, 1200, Kull ISSCC 2013
            digital, accumulate, 0.1pJ, 137
            digital, scale, 1.1pJ, 1640
            digital, activate, 0.03pJ, 36
            """;

    @TempDir
    Path dir;

    private Costs price(String table, String... values) throws IOException {
        Files.writeString(dir.resolve("costs.csv"), table);
        String[] all = new String[values.length + 2];
        all[0] = "file";
        all[1] = "costs.csv";
        System.arraycopy(values, 0, all, 2, values.length);
        TableCostModel model = new TableCostModel();
        return model.price(Parameters.of(model.parameters(), all), new CostContext(
                new ChipShape(1e9, 128, 64, 4, 8, "sar", 32, 8e-9, 1e-7), new FlatEnergies(10, 50, 0.1, 1, 0.1),
                dir.resolve("s.yaml").toString(), dir));
    }

    @Test
    void readsEveryActionAndArea() throws IOException {
        Costs c = price(TABLE, "readVoltage", "0.2V");
        assertEquals("table", c.model());
        assertEquals(22.5, c.set(), 1e-12);
        assertEquals(12, c.reset(), 1e-12);
        assertEquals(0.1, c.readPerDevice(), 1e-12);
        assertEquals(0.2, c.readVolts(), 1e-12);
        assertEquals(0.42, c.rowDrive(), 1e-12);
        assertEquals(0.03, c.dacStep(), 1e-12);
        assertEquals(1.67, c.adc(), 1e-12);
        assertEquals(1.1, c.scale(), 1e-12);
        assertEquals(128.0 * 256 * 0.01, c.area().array(), 1e-9);
        assertEquals(32 * 1200, c.area().adcs(), 1e-9);
        assertEquals(128 * 36, c.area().rows(), 1e-9);
        assertEquals(32 * (137 + 1640 + 36), c.area().digital(), 1e-9);
    }

    private void refused(String table, String expected) {
        InputError e = assertThrows(InputError.class, () -> price(table));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains("cost.file"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line");
    }

    @Test
    void refusesBadTablesWithTheLineAndWhatWasExpected() {
        refused(TABLE.replace("adc, convert, 1.67pJ, 1200, Kull ISSCC 2013\n", ""), "expected a line for adc convert");
        refused(TABLE + "adc, convert, 2pJ\n", "duplicate line for adc convert");
        refused(TABLE.replace("adc, convert", "dram, read"), "costs.csv:8");
        refused(TABLE.replace("adc, convert", "adc, sample"), "expected an action of adc (convert)");
        refused(TABLE.replace("1.67pJ", "1.67"), "with a unit");
        refused(TABLE.replace("1.67pJ", "-1pJ"), "at least 0");
        refused(TABLE.replace("1200", "big"), "expected an area in um^2");
        refused(TABLE.replace("1200", "-5"), "at least 0 um^2");
        refused(TABLE.replace("row, step, 30fJ", "row, step"), "got 2 fields");
    }

    @Test
    void refusesMissingDirectoriesAndHugeFiles() throws IOException {
        TableCostModel model = new TableCostModel();
        CostContext context = new CostContext(new ChipShape(1e9, 8, 8, 4, 8, "sar", 8, 8e-9, 1e-7),
                new FlatEnergies(10, 50, 0.1, 1, 0.1), "s.yaml", dir);
        InputError missing = assertThrows(InputError.class,
                () -> model.price(Parameters.of(model.parameters(), "file", "none.csv"), context));
        assertTrue(missing.getMessage().contains("no such file"), missing.getMessage());
        Files.createDirectories(dir.resolve("sub"));
        InputError directory = assertThrows(InputError.class,
                () -> model.price(Parameters.of(model.parameters(), "file", "sub"), context));
        assertTrue(directory.getMessage().contains("got a directory"), directory.getMessage());
        Files.write(dir.resolve("huge.csv"), new byte[(int) CostTable.MAX_BYTES + 1]);
        InputError huge = assertThrows(InputError.class,
                () -> model.price(Parameters.of(model.parameters(), "file", "huge.csv"), context));
        assertTrue(huge.getMessage().contains("at most 1 MiB"), huge.getMessage());
        InputError none = assertThrows(InputError.class,
                () -> model.price(Parameters.of(model.parameters()), context));
        assertTrue(none.getMessage().contains("cost.file"), none.getMessage());
    }
}
