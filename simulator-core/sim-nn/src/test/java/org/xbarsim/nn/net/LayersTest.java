package org.xbarsim.nn.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbarsim.api.inference.DigitalOps;
import org.xbarsim.api.random.RandomStream;
import org.xbarsim.nn.lstm.CharLstm;

/** The element-wise, linear and recurrent layers against their definitions. */
class LayersTest {
    @Test
    void linearAppliesToTheLastAxisAtEveryLeadingPosition() {
        // PyTorch weight (out 2, in 3) = [[1, 2, 3], [4, 5, 6]], bias [10, 20].
        Linear l = Linear.fromTorch("fc", 3, 2, new float[] {1, 2, 3, 4, 5, 6}, new float[] {10, 20});
        assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, l.weights());
        int[] shape = {2, 3}; // two positions of 3 features
        float[] x = {1, 0, 0, 0, 1, 1, /* sample 2 */ 2, 2, 2, -1, 0, 0};
        float[] y = l.forward(List.of(x), List.of(shape), 2, new DigitalMultiplier(l.matrices()), 0);
        assertArrayEquals(new float[] {11, 24, 15, 31, 22, 50, 9, 16}, y);
        assertArrayEquals(new int[] {2, 2}, l.outputShape(List.of(shape)));
        assertEquals(2, l.multipliesPerSample(shape));
        assertEquals(new DigitalOps(4, 0, 0, 0), l.digitalOps(shape));
        Linear noBias = new Linear("fc", 3, 2, l.weights(), null);
        assertEquals(DigitalOps.NONE, noBias.digitalOps(shape));
        assertArrayEquals(new float[] {1, 4, 5, 11}, noBias.forward(List.of(new float[] {1, 0, 0, 0, 1, 1}),
                List.of(new int[] {3}), 2, new DigitalMultiplier(noBias.matrices()), 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> l.outputShape(List.of(new int[] {4})));
        assertEquals("expected an input whose last axis has 3 features, got [4]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> l.outputShape(List.of(new int[0])));
        assertThrows(IllegalArgumentException.class, () -> new Linear("fc", 3, 2, new float[5], null));
        assertThrows(IllegalArgumentException.class, () -> new Linear("fc", 3, 2, new float[6], new float[3]));
        assertThrows(IllegalArgumentException.class, () -> Linear.fromTorch("fc", 3, 2, new float[5], null));
        assertEquals("linear", l.kind());
    }

    @Test
    void elementWiseLayers() {
        float[] x = {-2, -0.5f, 0, 0.5f, 3, 1};
        int[] shape = {2, 3};
        List<int[]> s = List.of(shape);
        assertArrayEquals(new float[] {0, 0, 0, 0.5f, 3, 1}, new Relu("r").forward(List.of(x), s, 1, null, 0));
        assertEquals(new DigitalOps(0, 0, 6, 0), new Relu("r").digitalOps(shape));
        float[] sig = new Sigmoid("s").forward(List.of(x), s, 1, null, 0);
        for (int i = 0; i < x.length; i++) {
            assertEquals(1 / (1 + Math.exp(-x[i])), sig[i], 1e-7);
        }
        assertEquals(new DigitalOps(0, 0, 0, 6), new Sigmoid("s").digitalOps(shape));
        assertArrayEquals(new int[] {6}, new Flatten("f").outputShape(s));
        assertEquals(DigitalOps.NONE, new Flatten("f").digitalOps(shape));
        assertArrayEquals(x, new Flatten("f").forward(List.of(x), s, 1, null, 0));
        float[] soft = new Softmax("p").forward(List.of(x), s, 1, null, 0);
        for (int row = 0; row < 2; row++) {
            double sum = 0;
            for (int j = 0; j < 3; j++) {
                sum += Math.exp(x[row * 3 + j]);
            }
            for (int j = 0; j < 3; j++) {
                assertEquals(Math.exp(x[row * 3 + j]) / sum, soft[row * 3 + j], 1e-7);
            }
        }
        // 6 elements in 2 rows: subtraction and sum (12), multiplication per element and 1/sum per row (8).
        assertEquals(new DigitalOps(12, 8, 6, 6), new Softmax("p").digitalOps(shape));
        float[] large = new Softmax("p").forward(List.of(new float[] {1000, 1001}), List.of(new int[] {2}), 1, null, 0);
        assertEquals(1 / (1 + Math.exp(1)), large[0], 1e-7);
        assertThrows(IllegalArgumentException.class, () -> new Softmax("p").outputShape(List.of(new int[0])));
        assertEquals(List.of("relu", "sigmoid", "flatten", "softmax"), List.of(new Relu("r").kind(),
                new Sigmoid("s").kind(), new Flatten("f").kind(), new Softmax("p").kind()));
    }

    @Test
    void addsTwoInputsOrABroadcastConstant() {
        Add residual = Add.residual("a");
        assertEquals(2, residual.arity());
        float[] y = residual.forward(List.of(new float[] {1, 2, 3, 4}, new float[] {10, 20, 30, 40}),
                List.of(new int[] {2}, new int[] {2}), 2, null, 0);
        assertArrayEquals(new float[] {11, 22, 33, 44}, y);
        assertEquals(new DigitalOps(2, 0, 0, 0), residual.digitalOps(new int[] {2}));
        assertThrows(IllegalArgumentException.class, () -> residual.outputShape(List.of(new int[] {2}, new int[] {3})));
        Add bias = new Add("b", new float[] {1, 2}, new int[] {1, 1, 2});
        assertEquals(1, bias.arity());
        assertArrayEquals(new int[] {3, 2}, bias.outputShape(List.of(new int[] {3, 2})));
        assertArrayEquals(new float[] {1, 2, 1, 2, 2, 3}, bias.forward(List.of(new float[] {0, 0, 0, 0, 1, 1}),
                List.of(new int[] {3, 2}), 1, null, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> bias.outputShape(List.of(new int[] {2, 3})));
        assertTrue(e.getMessage().contains("trailing axes"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new Add("b", new float[] {1, 2}, new int[] {3}).outputShape(List.of(new int[] {3})));
        assertThrows(IllegalArgumentException.class, () -> new Add("b", new float[] {1, 2}, new int[] {3}));
        assertThrows(IllegalArgumentException.class, () -> new Add("b", new float[] {1, 2}, null));
        assertThrows(IllegalArgumentException.class,
                () -> new Add("b", new float[] {1, 2, 3}, new int[] {3}).outputShape(List.of(new int[] {2})));
    }

    /** The layer against CharLstm's runner (double arithmetic, its own code) on one-hot sequences. */
    @Test
    void lstmFollowsTheCellOfCharLstm() {
        RandomStream r = new RandomStream(3);
        CharLstm m = CharLstm.initialized("abcde", 4, r);
        for (int i = 0; i < m.gateBias().length; i++) {
            m.gateBias()[i] = 0.3 * r.nextGaussian();
        }
        int v = 5;
        int h = 4;
        Lstm seq = new Lstm("rnn", v, h, floats(m.inputWeights()), floats(m.recurrentWeights()), floats(m.gateBias()), true);
        Lstm last = new Lstm("rnn", v, h, seq.inputWeights(), seq.recurrentWeights(), seq.bias(), false);
        int[] ids = {0, 3, 1, 4, 4, 2, 0};
        int steps = ids.length;
        int batch = 2;
        float[] x = new float[batch * steps * v];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < steps; t++) {
                x[(b * steps + t) * v + ids[(t + b) % steps]] = 1;
            }
        }
        int[] shape = {steps, v};
        float[] ys = seq.forward(List.of(x), List.of(shape), batch, new DigitalMultiplier(seq.matrices()), 0);
        float[] yl = last.forward(List.of(x), List.of(shape), batch, new DigitalMultiplier(last.matrices()), 0);
        for (int b = 0; b < batch; b++) {
            CharLstm.Runner runner = m.runner();
            for (int t = 0; t < steps; t++) {
                runner.next(ids[(t + b) % steps]);
                for (int k = 0; k < h; k++) {
                    assertEquals(runner.hiddenState()[k], ys[(b * steps + t) * h + k], 1e-6, "b " + b + " t " + t);
                }
            }
            for (int k = 0; k < h; k++) {
                assertEquals(ys[(b * steps + steps - 1) * h + k], yl[b * h + k]);
            }
        }
        assertArrayEquals(new int[] {steps, h}, seq.outputShape(List.of(shape)));
        assertArrayEquals(new int[] {h}, last.outputShape(List.of(shape)));
        assertEquals(steps, seq.multipliesPerSample(shape));
        assertEquals(new DigitalOps(steps * h * 9L, steps * h * 3L, 0, steps * h * 5L), seq.digitalOps(shape));
        assertEquals(List.of("rnn.input", "rnn.recurrent"), seq.matrices().stream().map(WeightMatrix::name).toList());
        assertThrows(IllegalArgumentException.class, () -> seq.outputShape(List.of(new int[] {steps, 4})));
        assertThrows(IllegalArgumentException.class, () -> seq.outputShape(List.of(new int[] {5})));
        assertThrows(IllegalArgumentException.class, () -> new Lstm("x", 2, 1, new float[8], new float[4], new float[3], true));
        assertThrows(IllegalArgumentException.class, () -> new Lstm("x", 2, 1, new float[7], new float[4], new float[4], true));
        assertThrows(IllegalArgumentException.class, () -> new Lstm("x", 2, 1, new float[8], new float[3], new float[4], true));
        assertEquals("lstm", seq.kind());
    }

    static float[] floats(double[] d) {
        return Tensors.floats(d);
    }

    @Test
    void weightMatricesAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new WeightMatrix("m", 2, 2, new float[3]));
        assertThrows(IllegalArgumentException.class, () -> new WeightMatrix("m", 0, 2, new float[0]));
        assertArrayEquals(new double[] {0.5, -2}, new WeightMatrix("m", 1, 2, new float[] {0.5f, -2}).toDoubles());
    }
}
