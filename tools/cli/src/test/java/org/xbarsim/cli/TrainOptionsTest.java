package org.xbarsim.cli;

import static org.xbarsim.cli.CliTestSupport.assertInputError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The train commands' shared options: refused in one line before any data is read or fetched. */
class TrainOptionsTest {
    @TempDir
    Path dir;

    @Test
    void aModelIsNotOverwrittenWithoutForce() throws IOException {
        Files.writeString(dir.resolve("model.properties"), "kind=mlp\n");
        assertInputError(CliTestSupport.xbarsim(null, "train", "mlp", "--out", dir.toString()), "--out",
                "already holds a model (model.properties)", "--force");
        Files.writeString(dir.resolve("lenet5.npz"), "");
        assertInputError(CliTestSupport.xbarsim(null, "train", "cnn", "--out", dir.toString()), "--out",
                "already holds a model (lenet5.npz)");
    }

    @Test
    void epochsAndThreadsArePositive() throws IOException {
        Path text = Files.writeString(dir.resolve("t.txt"), "some text ".repeat(100));
        assertInputError(CliTestSupport.xbarsim(null, "train", "cnn", "--out", dir.resolve("m").toString(),
                "--threads", "0"), "--threads", "expected a positive number, got 0");
        assertInputError(CliTestSupport.xbarsim(null, "train", "lstm", "--text", text.toString(), "--out",
                dir.resolve("m").toString(), "--epochs", "0"), "--epochs", "expected a positive number, got 0");
        assertInputError(CliTestSupport.xbarsim(null, "train", "lstm", "--text", text.toString(), "--out",
                dir.resolve("m").toString(), "--hidden", "0"), "--hidden", "expected 1..4096 cells");
    }
}
