package org.xbarsim.engine.trace;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.api.io.InputError;

/** An export never overwrites: any one of the four files already there is refused, naming it. */
class TraceCsvTest {
    @TempDir
    Path dir;

    @Test
    void anExportDirectoryHoldingAnyOfTheFilesIsRefused() throws IOException {
        assertDoesNotThrow(() -> TraceCsv.refuseOverwrite(dir.resolve("missing")));
        Files.writeString(dir.resolve("other.csv"), "x");
        assertDoesNotThrow(() -> TraceCsv.refuseOverwrite(dir));
        for (String name : TraceCsv.FILES) {
            Path sub = Files.createDirectories(dir.resolve("d-" + name));
            Files.writeString(sub.resolve(name), "x");
            InputError e = assertThrows(InputError.class, () -> TraceCsv.refuseOverwrite(sub));
            assertEquals(true, e.getMessage().contains(sub.resolve(name) + " already exists; pass --force"),
                    e.getMessage());
        }
    }
}
