package org.xbarsim.nn.net.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.io.NpyArray;
import org.xbarsim.api.io.NpzArchive;
import org.xbarsim.nn.net.AvgPool2d;
import org.xbarsim.nn.net.Conv2d;
import org.xbarsim.nn.net.Linear;
import org.xbarsim.nn.net.Lstm;
import org.xbarsim.nn.net.MaxPool2d;
import org.xbarsim.nn.net.Network;
import org.xbarsim.nn.net.Window;

/** A description bound to state_dict tensors: shapes, missing and unused tensors, bad values; the round trip. */
class StateDictTest {
    @TempDir
    Path dir;

    static Map<String, NpyArray> tensors(Object... nameShape) {
        Map<String, NpyArray> t = new TreeMap<>();
        for (int i = 0; i < nameShape.length; i += 2) {
            int[] shape = (int[]) nameShape[i + 1];
            double[] v = new double[java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
            for (int k = 0; k < v.length; k++) {
                v[k] = 0.01 * (k % 7) - 0.02;
            }
            t.put((String) nameShape[i], new NpyArray(shape, v));
        }
        return t;
    }

    static final String CNN = """
            input 2 8 8
            conv2d c out=3 kernel=3 stride=2 padding=1
            maxpool mp kernel=2
            avgpool ap kernel=2 stride=1 padding=1 countIncludePad=false
            flatten f
            linear fc out=4
            softmax p
            """;

    static Map<String, NpyArray> cnnTensors() {
        return tensors("c.weight", new int[] {3, 2, 3, 3}, "c.bias", new int[] {3}, "fc.weight", new int[] {4, 27},
                "fc.bias", new int[] {4});
    }

    @Test
    void bindsTensorsInPyTorchOrientation() {
        Network net = StateDict.build(NetworkDescription.parse(CNN), cnnTensors());
        Conv2d c = (Conv2d) net.nodes().get(0).layer();
        assertEquals(new Window(3, 3, 2, 2, 1, 1, 1, 1), c.window());
        MaxPool2d mp = (MaxPool2d) net.nodes().get(1).layer();
        assertEquals(Window.square(2, 2, 0), mp.window());
        AvgPool2d ap = (AvgPool2d) net.nodes().get(2).layer();
        assertEquals(Window.square(2, 1, 1), ap.window());
        assertEquals(false, ap.countIncludePad());
        Linear fc = (Linear) net.nodes().get(4).layer();
        assertEquals(27, fc.inputs());
        assertArrayEquals(new int[] {4}, net.outputShape());
        // fc.weight[o][i] = 0.01 ((o 27 + i) % 7) - 0.02 lands at [i][o].
        assertEquals((float) (0.01 * ((1 * 27 + 2) % 7) - 0.02), fc.weights()[2 * 4 + 1]);
        Network noBias = StateDict.build(NetworkDescription.parse("input 3\nlinear fc out=2"),
                tensors("fc.weight", new int[] {2, 3}));
        assertNull(((Linear) noBias.nodes().get(0).layer()).bias());
        assertTrue(((AvgPool2d) StateDict.build(NetworkDescription.parse("input 1 4 4\navgpool a kernel=2"), Map.of())
                .nodes().get(0).layer()).countIncludePad());
    }

    @Test
    void bindsAnLstmAddingItsTwoBiases() {
        Map<String, NpyArray> t = tensors("rnn.weight_ih_l0", new int[] {8, 3}, "rnn.weight_hh_l0", new int[] {8, 2},
                "rnn.bias_ih_l0", new int[] {8}, "rnn.bias_hh_l0", new int[] {8});
        Network net = StateDict.build(NetworkDescription.parse("input 5 3\nlstm rnn hidden=2 output=sequence"), t);
        Lstm l = (Lstm) net.nodes().get(0).layer();
        assertEquals(3, l.inputs());
        assertTrue(l.sequence());
        assertEquals((float) (2 * (0.01 * (5 % 7) - 0.02)), l.bias()[5]);
        assertArrayEquals(new int[] {5, 2}, net.outputShape());
    }

    private static String error(String description, Map<String, NpyArray> t) {
        return assertThrows(IllegalArgumentException.class,
                () -> StateDict.build(NetworkDescription.parse(description), t)).getMessage();
    }

    @Test
    void refusesWithTheTensorAndWhatWasExpected() {
        Map<String, NpyArray> t = cnnTensors();
        t.remove("fc.weight");
        assertEquals("line 6: expected a tensor fc.weight, found none; the archive holds c.bias, c.weight, fc.bias",
                error(CNN, t));
        t = cnnTensors();
        t.put("fc.weight", tensors("x", new int[] {4, 26}).get("x"));
        assertEquals("line 6: layer fc (linear): expected an input whose last axis has 26 features, got [27]",
                error(CNN, t));
        t = cnnTensors();
        t.put("c.weight", tensors("x", new int[] {3, 2, 5, 5}).get("x"));
        assertEquals("line 2: tensor c.weight: expected shape (3, in channels, 3, 3), got (3, 2, 5, 5)", error(CNN, t));
        t.put("c.weight", tensors("x", new int[] {3, 18}).get("x"));
        assertEquals("line 2: tensor c.weight: expected shape (3, in channels, 3, 3), got (3, 18)", error(CNN, t));
        t = cnnTensors();
        t.put("c.bias", tensors("x", new int[] {4}).get("x"));
        assertEquals("line 2: tensor c.bias: expected shape (3,), got (4,)", error(CNN, t));
        t = cnnTensors();
        t.put("bn.running_mean", tensors("x", new int[] {3}).get("x"));
        assertEquals("expected every tensor to belong to a layer of the description, got unused bn.running_mean",
                error(CNN, t));
        t = cnnTensors();
        t.get("fc.bias").data()[2] = Double.NaN;
        assertEquals("line 6: tensor fc.bias: expected finite float32 values, got NaN at index 2", error(CNN, t));
        t = cnnTensors();
        t.get("c.weight").data()[0] = 1e300; // finite in float64, infinite in float32
        assertEquals("line 2: tensor c.weight: expected finite float32 values, got 1.0E300 at index 0", error(CNN, t));
        assertEquals("line 2: tensor fc.weight: expected shape (2, inputs), got (3, 3)",
                error("input 3\nlinear fc out=2", tensors("fc.weight", new int[] {3, 3})));
        assertEquals("line 2: tensor fc.weight: expected shape (2, inputs), got (2,)",
                error("input 3\nlinear fc out=2", tensors("fc.weight", new int[] {2})));
        assertEquals("line 2 (maxpool m): expected padding smaller than the kernel 2x2, got 2, 2, 2, 2",
                error("input 1 4 4\nmaxpool m kernel=2 padding=2", Map.of()));
        assertEquals("line 2 (conv2d c): expected kernel and stride of at least 1, got kernel 3x3, stride 0x0",
                error("input 1 4 4\nconv2d c out=1 kernel=3 stride=0", tensors("c.weight", new int[] {1, 1, 3, 3})));
        assertEquals("line 2: tensor r.weight_hh_l0: expected shape (8, 2), got (8, 3)", error("input 5 3\nlstm r hidden=2",
                tensors("r.weight_ih_l0", new int[] {8, 3}, "r.weight_hh_l0", new int[] {8, 3})));
        assertEquals("line 2: tensor r.weight_ih_l0: expected shape (8, inputs), got (4, 3)",
                error("input 5 3\nlstm r hidden=2", tensors("r.weight_ih_l0", new int[] {4, 3})));
        assertEquals("line 2: tensor r.bias_hh_l0: expected shape (8,), got (4,)", error("input 5 3\nlstm r hidden=2",
                tensors("r.weight_ih_l0", new int[] {8, 3}, "r.weight_hh_l0", new int[] {8, 2},
                        "r.bias_hh_l0", new int[] {4})));
    }

    /** Saved as PyTorch names them, read back to the same network; the files name themselves in errors. */
    @Test
    void savedStateDictsReadBackAndFilesAreNamedInErrors() throws IOException {
        Network net = StateDict.build(NetworkDescription.parse(CNN), cnnTensors());
        Path npz = dir.resolve("m.npz");
        NetworkFiles.saveStateDict(net, npz);
        byte[] first = Files.readAllBytes(npz);
        NetworkFiles.saveStateDict(net, npz);
        assertArrayEquals(first, Files.readAllBytes(npz), "the same bytes every time");
        Map<String, NpyArray> back = NpzArchive.read(npz);
        assertEquals(cnnTensors().keySet(), back.keySet());
        Files.writeString(dir.resolve("m.net"), CNN);
        Network read = NetworkFiles.load(dir.resolve("m.net"), null);
        float[] x = new float[2 * 128];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i % 11) * 0.1f;
        }
        assertArrayEquals(net.forward(x, 2), read.forward(x, 2));
        assertEquals(dir.resolve("m.npz"), NetworkFiles.defaultWeights(dir.resolve("m.net")));
        assertEquals(dir.resolve("m.npz"), NetworkFiles.defaultWeights(dir.resolve("m")));

        InputError e = assertThrows(InputError.class, () -> NetworkFiles.load(dir.resolve("none.net"), null));
        assertTrue(e.getMessage().endsWith("none.net: expected a network description (or an .onnx model), found no such file"),
                e.getMessage());
        Files.writeString(dir.resolve("bad.net"), "input 2\nrelu");
        e = assertThrows(InputError.class, () -> NetworkFiles.load(dir.resolve("bad.net"), null));
        assertTrue(e.getMessage().contains("bad.net: line 2: expected a name"), e.getMessage());
        e = assertThrows(InputError.class, () -> NetworkFiles.load(dir.resolve("m.net"), dir.resolve("other.npz")));
        assertTrue(e.getMessage().contains("other.npz"), e.getMessage());
        Files.writeString(dir.resolve("short.net"), "input 2 8 8\nlinear fc out=3");
        e = assertThrows(InputError.class, () -> NetworkFiles.load(dir.resolve("short.net"), npz));
        assertTrue(e.getMessage().startsWith(dir.resolve("short.net") + " with m.npz: line 2"), e.getMessage());
        Files.write(dir.resolve("latin.net"), new byte[] {'i', 'n', (byte) 0xff});
        e = assertThrows(InputError.class, () -> NetworkFiles.load(dir.resolve("latin.net"), npz));
        assertTrue(e.getMessage().contains("expected a UTF-8 network description"), e.getMessage());
        e = assertThrows(InputError.class, () -> NetworkFiles.load(dir.resolve("absent.onnx"), null));
        assertTrue(e.getMessage().contains("absent.onnx: expected an ONNX model, found no such file"), e.getMessage());
        assertTrue(NetworkFiles.isOnnx(Path.of("a/B.ONNX")));
    }
}
