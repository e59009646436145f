package org.xbarsim.engine.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.api.io.FileAccess;
import org.xbarsim.api.io.InputError;
import org.xbarsim.engine.Simulator;
import org.xbarsim.engine.fixtures.TinyRuns;

class FileKeysTest {
    @TempDir
    Path dir;

    @Test
    void aWorkloadsFileKeyResolvesAgainstTheScenarioAndIsCheckedBeforeAnythingIsPrepared() throws IOException {
        Scenario none = TinyRuns.scenario(dir);
        assertEquals(List.of(), FileKeys.of(none), "no file named");
        Scenario s = TinyRuns.scenario(dir, "workload.file=data/w.bin");
        assertEquals(List.of(new FileKeys.FileKey("workload.file", dir.resolve("data/w.bin").toAbsolutePath())),
                FileKeys.of(s));
        FileKeys.check(s, FileAccess.unrestricted());
        FileKeys.check(s, FileAccess.only(List.of(dir), null));
        InputError e = assertThrows(InputError.class, () -> FileKeys.check(s, FileAccess.only(
                List.of(Files.createDirectories(dir.resolve("elsewhere"))), null)));
        assertTrue(e.getMessage().startsWith(s.source() + ": workload.file: expected a file under "), e.getMessage());

        // The simulator checks before the workload runs: a file outside is never opened.
        Simulator restricted = new Simulator(TinyRuns.catalog())
                .restrictedTo(FileAccess.only(List.of(dir.resolve("elsewhere")), null));
        InputError refused = assertThrows(InputError.class, () -> restricted.prepare(s));
        assertTrue(refused.getMessage().contains("workload.file"), refused.getMessage());
    }

    @Test
    void aClimbOutOfTheScenarioDirectoryIsJudgedWhereItLeads() throws IOException {
        Scenario s = TinyRuns.scenario(dir, "workload.file=../../etc/passwd");
        assertTrue(FileKeys.of(s).get(0).file().endsWith("etc/passwd"));
        assertThrows(InputError.class, () -> FileKeys.check(s, FileAccess.only(List.of(dir), null)));
    }
}
