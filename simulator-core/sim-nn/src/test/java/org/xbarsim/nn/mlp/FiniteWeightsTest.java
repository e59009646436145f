package org.xbarsim.nn.mlp;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.io.NpyArray;
import org.xbarsim.nn.lstm.CharLstm;

/** A saved model with a NaN or an infinity (a diverged training run) is refused, naming the file. */
class FiniteWeightsTest {
    @TempDir
    Path dir;

    @Test
    void mlpAndLstmModelDirectoriesRefuseNonFiniteValues() throws IOException {
        Mlp mlp = Mlp.initialized(new int[] {3, 2}, Mlp.Activation.RELU, 1);
        mlp.save(dir.resolve("mlp"));
        NpyArray.write(dir.resolve("mlp/layer0.bias.npy"), new int[] {2}, new double[] {0, Double.NaN});
        InputError e = assertThrows(InputError.class, () -> Mlp.load(dir.resolve("mlp")));
        assertTrue(e.getMessage().contains("layer0.bias.npy: expected finite float32 values, got NaN at index 1"),
                e.getMessage());
        CharLstm lstm = new CharLstm("ab", 2);
        lstm.save(dir.resolve("lstm"), Map.of());
        NpyArray.write(dir.resolve("lstm/output-bias.npy"), new int[] {2}, new double[] {Double.NEGATIVE_INFINITY, 0});
        IllegalArgumentException l = assertThrows(IllegalArgumentException.class, () -> CharLstm.load(dir.resolve("lstm")));
        assertTrue(l.getMessage().contains("output-bias.npy: expected finite values, got -Infinity at index 0"),
                l.getMessage());
    }
}
