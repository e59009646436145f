package org.xbarsim.engine.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.api.io.InputError;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFileIsWrittenBesideReadableByOthersAndRenamedIntoPlace() throws IOException {
        Path f = dir.resolve("a/summary.json");
        AtomicFiles.writeString(f, "one");
        AtomicFiles.writeString(f, "two");
        assertEquals("two", Files.readString(f));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)).replace("rw-r-----",
                "rw-r--r--").replace("rw-------", "rw-r--r--"));
        try (Stream<Path> s = Files.list(f.getParent())) {
            assertEquals(List.of("summary.json"), s.map(p -> p.getFileName().toString()).toList(), "nothing beside");
        }
        Path notADir = Files.writeString(dir.resolve("plain"), "x");
        InputError e = assertThrows(InputError.class, () -> AtomicFiles.writeString(notADir.resolve("s.json"), "x"));
        assertTrue(e.getMessage().contains("cannot write the result"), e.getMessage());
    }

    @Test
    void aDirectoryReplacesTheOldOneWholeAndAFailedWriterLeavesTheOldOne() throws IOException {
        Path model = dir.resolve("model");
        AtomicFiles.replaceDirectory(model, d -> Files.writeString(d.resolve("a.npy"), "1"));
        assertEquals(List.of("a.npy"), list(model));
        AtomicFiles.replaceDirectory(model, d -> Files.writeString(d.resolve("b.npy"), "2"));
        assertEquals(List.of("b.npy"), list(model), "the old directory goes whole, not file by file");
        assertThrows(InputError.class, () -> AtomicFiles.replaceDirectory(model, d -> {
            Files.writeString(d.resolve("c.npy"), "3");
            throw new IOException("disk full");
        }));
        assertEquals(List.of("b.npy"), list(model), "a failed writer leaves the old result");
        assertEquals(List.of("model"), names(), "and nothing beside it");
        assertFalse(Files.exists(dir.resolve("c.npy")));
    }

    private static List<String> list(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
