package org.xbarsim.nn.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbarsim.api.inference.DigitalOps;
import org.xbarsim.api.inference.LayerWork;

/** Building a graph, its shapes and errors, and running it. */
class NetworkTest {
    static Linear identity(String name, int n) {
        float[] w = new float[n * n];
        for (int i = 0; i < n; i++) {
            w[i * n + i] = 1;
        }
        return new Linear(name, n, n, w, null);
    }

    @Test
    void aResidualGraphAddsTheSkippedValue() {
        Network net = Network.builder(new int[] {3})
                .add(new Linear("fc", 3, 3, new float[] {2, 0, 0, 0, 2, 0, 0, 0, 2}, new float[] {1, 1, 1}))
                .add(new Relu("r"))
                .add(Add.residual("skip"), "r", "input")
                .add(identity("out", 3))
                .build();
        float[] y = net.forward(new float[] {1, -2, 3, 0, 0, 0}, 2);
        // relu(2x + 1) + x: (3, 0, 7) + (1, -2, 3); (1, 1, 1) + 0.
        assertArrayEquals(new float[] {4, -2, 10, 1, 1, 1}, y);
        assertArrayEquals(new int[] {3}, net.outputShape());
        assertArrayEquals(new int[] {3}, net.inputShape());
        assertEquals(2, net.matrices().size());
        assertEquals(List.of(0, 1), net.nodes().stream().filter(n -> n.layer() instanceof Linear)
                .map(Network.Node::firstMatrix).toList());
        List<LayerWork> work = net.work();
        assertEquals(List.of("fc", "r", "skip", "out"), work.stream().map(LayerWork::name).toList());
        assertEquals(new LayerWork("fc", "linear", List.of(0), 1, new DigitalOps(3, 0, 0, 0)), work.get(0));
        assertEquals(new LayerWork("skip", "add", List.of(), 0, new DigitalOps(3, 0, 0, 0)), work.get(2));
        assertEquals(List.of(1), work.get(3).matrices());
    }

    @Test
    void productsGoThroughTheGivenMultiplier() {
        Network net = Network.builder(new int[] {2}).add(identity("a", 2)).add(identity("b", 2)).build();
        List<Integer> calls = new ArrayList<>();
        float[] y = net.forward(new float[] {1, 2}, 1, (m, x, rows, out) -> {
            calls.add(m);
            for (int i = 0; i < rows * 2; i++) {
                out[i] = x[i] * 10;
            }
        });
        assertEquals(List.of(0, 1), calls);
        assertArrayEquals(new float[] {100, 200}, y);
        assertThrows(IllegalArgumentException.class, () -> net.forward(new float[3], 2));
        assertThrows(IllegalArgumentException.class, () -> net.forward(new float[3], -1));
    }

    @Test
    void errorsNameTheLayerAndWhatWasExpected() {
        Network.Builder b = Network.builder(new int[] {1, 28, 28});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.add(identity("fc1", 10)));
        assertEquals("layer fc1 (linear): expected an input whose last axis has 10 features, got [1, 28, 28]",
                e.getMessage());
        b.add(new Flatten("flat"));
        e = assertThrows(IllegalArgumentException.class, () -> b.add(new Relu("flat")));
        assertEquals("layer flat (relu): expected a name no other layer has", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.add(new Relu(Network.INPUT_NAME)));
        e = assertThrows(IllegalArgumentException.class, () -> b.add(new Relu("r"), "nope"));
        assertEquals("layer r (relu): expected an input among [input, flat], got 'nope'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.add(Add.residual("a")));
        assertEquals("layer a (add): expected the names of its 2 inputs", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.add(Add.residual("a"), "flat"));
        assertEquals("layer a (add): expected 2 input(s), got 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.add(Add.residual("a"), "flat", "input"));
        assertEquals("layer a (add): expected two inputs of the same shape, got [784] and [1, 28, 28]", e.getMessage());
        assertArrayEquals(new int[] {784}, b.lastShape());
        assertThrows(IllegalArgumentException.class, () -> Network.builder(new int[] {1, 28, 28}).build());
        assertThrows(IllegalArgumentException.class, () -> Network.builder(new int[0]));
        assertThrows(IllegalArgumentException.class, () -> Network.builder(new int[] {3, 0}));
        assertArrayEquals(new int[] {1, 28, 28}, Network.builder(new int[] {1, 28, 28}).lastShape());
        assertThrows(IllegalArgumentException.class, () -> Layer.size(new int[] {65536, 65536}));
    }

    @Test
    void aValueReadTwiceSurvivesItsFirstReader() {
        // "r" is read by "x" and later by "sum": freeing it after its first reader would lose it.
        Network net = Network.builder(new int[] {2})
                .add(new Relu("r"))
                .add(identity("x", 2))
                .add(identity("y", 2))
                .add(Add.residual("sum"), "y", "r")
                .build();
        assertArrayEquals(new float[] {2, 0}, net.forward(new float[] {1, -1}, 1));
        assertEquals(1, Tensors.transpose(new float[] {1, 2, 3, 4, 5, 6}, 2, 3)[0]);
        assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, Tensors.transpose(new float[] {1, 2, 3, 4, 5, 6}, 2, 3));
        assertEquals("[1, 2]", Shapes.text(new int[] {1, 2}));
    }
}
