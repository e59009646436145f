package org.xbarsim.api.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileAccessTest {
    @TempDir
    Path dir;

    @Test
    void unrestrictedAllowsAnyFileAndDownloads() {
        FileAccess a = FileAccess.unrestricted();
        assertTrue(a.downloads());
        assertFalse(a.restricted());
        assertEquals(Path.of("/etc/passwd"), a.check(Path.of("/etc/passwd"), "s", "k"));
        assertFalse(FileAccess.noDownloads().downloads());
        assertFalse(FileAccess.noDownloads().restricted());
    }

    @Test
    void onlyFilesUnderTheRootsAfterLinksAreFollowed() throws IOException {
        Path root = Files.createDirectories(dir.resolve("allowed"));
        Path outside = Files.writeString(dir.resolve("secret.npy"), "x");
        Files.createSymbolicLink(root.resolve("link.npy"), outside);
        Files.createSymbolicLink(root.resolve("linkdir"), dir);
        FileAccess a = FileAccess.only(List.of(root), null);
        assertTrue(a.restricted());
        assertFalse(a.downloads());
        Path inside = root.resolve("sub/w.npy");
        assertEquals(inside, a.check(inside, "s.yaml", "workload.file"), "a file that does not exist yet, under the root");
        for (Path bad : List.of(outside, root.resolve("../secret.npy"), root.resolve("link.npy"),
                root.resolve("linkdir/secret.npy"), root.resolve("linkdir/new/file"), Path.of("/"))) {
            InputError e = assertThrows(InputError.class, () -> a.check(bad, "s.yaml", "workload.file"), bad.toString());
            assertTrue(e.getMessage().startsWith("s.yaml: workload.file: expected a file under " + root.toRealPath()),
                    e.getMessage());
        }
        InputError none = assertThrows(InputError.class, () -> FileAccess.only(List.of(), null).withHint("ask first")
                .check(inside, "t.avro", "workload.model"));
        assertTrue(none.getMessage().contains("no directory") && none.getMessage().endsWith("; ask first"),
                none.getMessage());
    }

    @Test
    void aRootThatIsALinkIsTheDirectoryItLeadsTo() throws IOException {
        Path real = Files.createDirectories(dir.resolve("real"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        FileAccess a = FileAccess.only(List.of(link), link);
        assertEquals(real.toRealPath(), a.dataDir().orElseThrow());
        Path f = link.resolve("w.npy");
        assertEquals(f, a.check(f, "s", "k"));
        assertEquals(real.resolve("w.npy"), a.check(real.resolve("w.npy"), "s", "k"));
    }
}
