package org.xbarsim.engine.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.api.io.InputError;

class RecordedScenarioTest {
    @TempDir
    Path dir;

    private TraceHeader header(String source, String recordedDir) {
        return new TraceHeader("0.1.0", TraceFormat.Level.ROW, "name: t\n", source, recordedDir, 1, Map.of(),
                List.of(new TraceHeader.Tile(0, 0, "m", 0, 0, 4, 4, 1.0)));
    }

    @Test
    void withoutConsentNoFileMayBeNamedAndNothingIsDownloaded() {
        RecordedScenario r = RecordedScenario.of(header("../../evil/../t.yaml", dir.toString()), null, false);
        assertEquals(Path.of("").toAbsolutePath().resolve("t.yaml"), r.location());
        assertFalse(r.access().downloads());
        InputError e = assertThrows(InputError.class, () -> r.access().check(dir.resolve("w.npy"), "t", "k"));
        assertTrue(e.getMessage().contains("--scenario-dir DIR") && e.getMessage().contains("--trust-recorded-paths"),
                e.getMessage());
    }

    @Test
    void aScenarioDirectoryIsWhereRelativePathsResolveAndTheOnlyPlaceFilesMayBe() throws IOException {
        Path given = Files.createDirectories(dir.resolve("given"));
        RecordedScenario r = RecordedScenario.of(header("/elsewhere/s.yaml", "/elsewhere"), given, false);
        assertEquals(given.toAbsolutePath().resolve("s.yaml"), r.location());
        r.access().check(given.resolve("w.npy"), "t", "k");
        assertThrows(InputError.class, () -> r.access().check(dir.resolve("w.npy"), "t", "k"));
        assertFalse(r.access().downloads());
    }

    @Test
    void trustedPathsAreAsRecordedButStillWithoutDownloads() throws IOException {
        Path recorded = Files.createDirectories(dir.resolve("recorded"));
        RecordedScenario here = RecordedScenario.of(header("scenarios/s.yaml", recorded.toString()), null, true);
        assertEquals(recorded.resolve("s.yaml"), here.location(), "the recorded directory, which exists here");
        here.access().check(Path.of("/anything"), "t", "k");
        assertFalse(here.access().downloads());
        RecordedScenario moved = RecordedScenario.of(header("scenarios/s.yaml", "/no/such/dir"), null, true);
        assertEquals(Path.of("scenarios").toAbsolutePath().resolve("s.yaml"), moved.location(),
                "the recorded scenario's directory under the current one");
        RecordedScenario relative = RecordedScenario.of(header("s.yaml", "relative/dir"), null, true);
        assertEquals(Path.of("").toAbsolutePath().resolve("s.yaml"), relative.location());
    }
}
