package org.xbarsim.engine.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.api.io.InputError;

class ResultClaimTest {
    @TempDir
    Path dir;

    @Test
    void aClaimedDirectoryIsRefusedToASecondClaimUntilReleased() {
        Path out = dir.resolve("a/b");
        try (ResultClaim first = ResultClaim.directory(out, "--out")) {
            assertTrue(Files.isDirectory(out));
            InputError e = assertThrows(InputError.class, () -> ResultClaim.directory(out, "--out"));
            assertTrue(e.getMessage().startsWith("--out: expected a result directory no other command is writing, but "
                    + out + " is being written by another xbarsim (pid " + ProcessHandle.current().pid() + " since "),
                    e.getMessage());
        }
        ResultClaim.directory(out, "--out").close();
    }

    @Test
    void aClaimedFileIsRefusedToASecondClaimAndSaysWhetherItHeldAResult() throws IOException {
        Path trace = dir.resolve("sub/t.avro");
        try (ResultClaim first = ResultClaim.file(trace, "--record")) {
            assertFalse(first.existedBefore());
            assertTrue(Files.exists(trace));
            InputError e = assertThrows(InputError.class, () -> ResultClaim.file(trace, "--record"));
            assertTrue(e.getMessage().contains(trace + " is being written by another xbarsim"), e.getMessage());
        }
        try (ResultClaim again = ResultClaim.file(trace, "--record")) {
            assertFalse(again.existedBefore(), "an empty file is no result");
        }
        Files.writeString(trace, "something");
        try (ResultClaim again = ResultClaim.file(trace, "--record")) {
            assertTrue(again.existedBefore());
            assertEquals("something", Files.readString(trace), "claiming never truncates");
        }
    }

    @Test
    void aDirectoryOrANamedPipeIsNoFileToWriteAndAFileNoDirectory() throws Exception {
        InputError d = assertThrows(InputError.class, () -> ResultClaim.file(dir, "--record"));
        assertTrue(d.getMessage().contains(dir + " is a directory"), d.getMessage());
        Path fifo = dir.resolve("fifo");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0);
        InputError f = assertThrows(InputError.class, () -> ResultClaim.file(fifo, "--record"));
        assertTrue(f.getMessage().contains("named pipe"), f.getMessage());
        Path file = Files.writeString(dir.resolve("plain"), "x");
        InputError g = assertThrows(InputError.class, () -> ResultClaim.directory(file, "--out"));
        assertTrue(g.getMessage().contains(file + " is a file"), g.getMessage());
        InputError h = assertThrows(InputError.class, () -> ResultClaim.directory(file.resolve("below"), "--out"));
        assertTrue(h.getMessage().startsWith("--out: cannot create the result directory"), h.getMessage());
    }

    @Test
    void anUnwritableDirectoryIsInputNotAnInternalError() throws IOException {
        Path locked = Files.createDirectory(dir.resolve("locked"));
        assertTrue(locked.toFile().setWritable(false, false));
        try {
            if (Files.isWritable(locked)) {
                return; // running as root: permissions do not bind
            }
            InputError e = assertThrows(InputError.class, () -> ResultClaim.file(locked.resolve("t.avro"), "--record"));
            assertTrue(e.getMessage().startsWith("--record: cannot write in " + locked.resolve("t.avro")),
                    e.getMessage());
        } finally {
            locked.toFile().setWritable(true, true);
        }
    }
}
