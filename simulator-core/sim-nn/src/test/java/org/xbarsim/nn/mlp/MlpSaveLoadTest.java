package org.xbarsim.nn.mlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.io.NpyArray;

class MlpSaveLoadTest {
    @TempDir
    Path dir;

    private static Mlp model() {
        Mlp m = Mlp.initialized(new int[] {7, 5, 3}, Mlp.Activation.SIGMOID, 9);
        m.biases[0][2] = 0.25f;
        m.setProvenance(new Mlp.Provenance(9, 4, 0.9731, "a test"));
        return m;
    }

    @Test
    void roundTripIsExact() throws IOException {
        Mlp m = model();
        m.save(dir);
        Mlp back = Mlp.load(dir);
        assertArrayEquals(m.sizes(), back.sizes());
        assertEquals(m.activation(), back.activation());
        for (int l = 0; l < m.layers(); l++) {
            assertArrayEquals(m.weights(l), back.weights(l));
            assertArrayEquals(m.bias(l), back.bias(l));
        }
        assertEquals(new Mlp.Provenance(9, 4, 0.9731, "a test"), back.provenance());
    }

    @Test
    void filesAreNumpyArraysRowsAsInputs() throws IOException {
        Mlp m = model();
        m.save(dir);
        NpyArray w = NpyArray.read(dir.resolve("layer0.weights.npy"));
        assertArrayEquals(new int[] {7, 5}, w.shape());
        // Element (i, j) of the file is input i's weight to output j.
        assertEquals(m.weights(0)[3 * 5 + 4], (float) w.data()[3 * 5 + 4]);
        assertArrayEquals(new int[] {5}, NpyArray.read(dir.resolve("layer0.bias.npy")).shape());
        assertArrayEquals(new int[] {5, 3}, NpyArray.read(dir.resolve("layer1.weights.npy")).shape());
        String props = Files.readString(dir.resolve("model.properties"));
        assertTrue(props.contains("sizes=7,5,3\n") && props.contains("activation=sigmoid\n")
                && props.contains("testAccuracy=0.9731\n"), props);
    }

    @Test
    void wrongShapeIsAnInputErrorNamingTheFile() throws IOException {
        model().save(dir);
        Path bad = dir.resolve("layer1.weights.npy");
        NpyArray.write(bad, new int[] {3, 5}, new double[15]);
        InputError e = assertThrows(InputError.class, () -> Mlp.load(dir));
        assertEquals(bad.toString(), e.source());
        assertEquals("expected shape (5, 3), got (3, 5)", e.detail());
    }

    @Test
    void missingModelIsAnInputError() {
        InputError e = assertThrows(InputError.class, () -> Mlp.load(dir.resolve("none")));
        assertTrue(e.getMessage().endsWith("model.properties: expected an MLP model directory with model.properties, found no such file"), e.getMessage());
    }
}
