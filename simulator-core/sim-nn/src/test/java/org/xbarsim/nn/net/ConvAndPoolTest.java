package org.xbarsim.nn.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbarsim.api.inference.DigitalOps;
import org.xbarsim.api.random.RandomStream;

/** Convolution as im2col and the pooling layers against direct computations of their definitions. */
class ConvAndPoolTest {
    /** float32 sums of up to 3 x 5 x 5 products of unit Gaussians: a few ulps of values of order 10. */
    static final double TOL = 1e-5;

    @ParameterizedTest
    @CsvSource({"1,1,5,5,3,3,1,1,1,1,1,1", "3,4,7,6,3,2,2,1,1,0,2,1", "2,5,8,8,5,5,1,1,2,2,2,2",
        "2,3,6,9,1,4,1,3,0,1,0,3", "4,2,5,5,5,5,1,1,0,0,0,0"})
    void convolutionEqualsTheDirectSum(int c, int o, int h, int w, int kh, int kw, int sh, int sw, int pt, int pl,
                                       int pb, int pr) {
        RandomStream r = new RandomStream(c * 100 + o);
        int batch = 3;
        float[] x = Direct.random(r, batch * c * h * w);
        float[] torch = Direct.random(r, o * c * kh * kw);
        float[] bias = Direct.random(r, o);
        Window win = new Window(kh, kw, sh, sw, pt, pl, pb, pr);
        Conv2d conv = Conv2d.fromTorch("c", c, o, win, torch, bias);
        int[] shape = {c, h, w};
        int[] out = conv.outputShape(List.of(shape));
        float[] y = conv.forward(List.of(x), List.of(shape), batch, new DigitalMultiplier(conv.matrices()), 0);
        int size = out[0] * out[1] * out[2];
        assertEquals(batch * size, y.length);
        for (int b = 0; b < batch; b++) {
            float[] sample = java.util.Arrays.copyOfRange(x, b * c * h * w, (b + 1) * c * h * w);
            double[] want = Direct.conv(sample, c, h, w, torch, bias, o, kh, kw, sh, sw, pt, pl, pb, pr);
            assertEquals(size, want.length);
            for (int i = 0; i < size; i++) {
                assertEquals(want[i], y[b * size + i], TOL, "sample " + b + " element " + i);
            }
        }
        // The product of im2col's rows (any other multiplier) gives the same bits as the direct float loop.
        Multiplier generic = new DigitalMultiplier(conv.matrices())::multiply;
        assertArrayEquals(y, conv.forward(List.of(x), List.of(shape), batch, generic, 0));
        assertEquals((long) out[1] * out[2], conv.multipliesPerSample(shape));
        assertEquals(new DigitalOps((long) size, 0, 0, 0), conv.digitalOps(shape));
        assertEquals(c * kh * kw, conv.patch());
        assertEquals(List.of(c * kh * kw, o), List.of(conv.matrices().get(0).rows(), conv.matrices().get(0).cols()));
    }

    @ParameterizedTest
    @CsvSource({"2,6,6,2,2,2,2,0,0,0,0", "3,7,5,3,3,2,1,1,1,1,0", "1,5,5,5,5,1,1,2,2,2,2", "2,4,9,1,3,1,2,0,1,0,2"})
    void poolingEqualsTheDirectDefinition(int c, int h, int w, int kh, int kw, int sh, int sw, int pt, int pl, int pb,
                                          int pr) {
        RandomStream r = new RandomStream(h * 10 + w);
        int batch = 2;
        float[] x = Direct.random(r, batch * c * h * w);
        for (int i = 0; i < x.length; i += 3) {
            x[i] = -Math.abs(x[i]) - 5; // negatives next to the padding: padding must never win a max
        }
        Window win = new Window(kh, kw, sh, sw, pt, pl, pb, pr);
        int[] shape = {c, h, w};
        for (int mode = 0; mode < 3; mode++) {
            Layer pool = mode == 0 ? new MaxPool2d("p", win) : new AvgPool2d("p", win, mode == 2);
            int[] out = pool.outputShape(List.of(shape));
            float[] y = pool.forward(List.of(x), List.of(shape), batch, null, 0);
            int size = out[0] * out[1] * out[2];
            for (int b = 0; b < batch; b++) {
                float[] sample = java.util.Arrays.copyOfRange(x, b * c * h * w, (b + 1) * c * h * w);
                double[] want = Direct.pool(sample, c, h, w, kh, kw, sh, sw, pt, pl, pb, pr, mode == 0, mode == 2);
                for (int i = 0; i < size; i++) {
                    assertEquals(want[i], y[b * size + i], 1e-6, pool.kind() + " mode " + mode + " element " + i);
                }
            }
            long windows = kh * kw;
            DigitalOps ops = pool.digitalOps(shape);
            assertEquals(mode == 0 ? new DigitalOps(0, 0, size * (windows - 1), 0)
                    : new DigitalOps(size * (windows - 1), size, 0, 0), ops);
            assertEquals(0, pool.multipliesPerSample(shape));
            assertTrue(pool.matrices().isEmpty());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"[1, 28]|expected a [channels, height, width] input, got [1, 28]",
        "[2, 8, 8]|expected 3 input channels, got [2, 8, 8]",
        "[3, 2, 8]|expected a kernel of at most the padded height 4, got 5"})
    void convolutionShapesAreChecked(String shape, String message) {
        Conv2d conv = new Conv2d("c", 3, 4, new Window(5, 3, 1, 1, 1, 1, 1, 1), new float[3 * 15 * 4], null);
        int[] s = java.util.Arrays.stream(shape.replaceAll("[\\[\\] ]", "").split(",")).mapToInt(Integer::parseInt)
                .toArray();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> conv.outputShape(List.of(s)));
        assertEquals(message, e.getMessage());
        assertNull(conv.bias());
        assertEquals(DigitalOps.NONE, conv.digitalOps(new int[] {3, 8, 8}));
    }

    @ParameterizedTest
    @CsvSource({"0,1,1,1,0,0,0,0", "1,0,1,1,0,0,0,0", "1,1,0,1,0,0,0,0", "1,1,1,0,0,0,0,0", "2,2,1,1,-1,0,0,0",
        "2,2,1,1,0,-1,0,0", "2,2,1,1,0,0,-1,0", "2,2,1,1,0,0,0,-1", "2,2,1,1,2,0,0,0", "2,2,1,1,0,2,0,0",
        "2,2,1,1,0,0,2,0", "2,2,1,1,0,0,0,2"})
    void windowsRefuseImpossibleGeometry(int kh, int kw, int sh, int sw, int pt, int pl, int pb, int pr) {
        assertThrows(IllegalArgumentException.class, () -> new Window(kh, kw, sh, sw, pt, pl, pb, pr));
    }

    @org.junit.jupiter.api.Test
    void torchOrientationIsOutInKernel() {
        // weight (2 out, 1 in, 1, 2): out0 = [1, 2], out1 = [3, 4]; the matrix is [in kh kw][out].
        Conv2d conv = Conv2d.fromTorch("c", 1, 2, new Window(1, 2, 1, 1, 0, 0, 0, 0), new float[] {1, 2, 3, 4}, null);
        assertArrayEquals(new float[] {1, 3, 2, 4}, conv.weights());
        assertEquals("kernel 1x2 stride 1x1 pads 0,0,0,0", conv.window().text());
        assertThrows(IllegalArgumentException.class, () -> Conv2d.fromTorch("c", 1, 2, conv.window(), new float[3], null));
        assertThrows(IllegalArgumentException.class, () -> new Conv2d("c", 1, 2, conv.window(), new float[4], new float[3]));
        assertThrows(IllegalArgumentException.class, () -> new Conv2d("c", 0, 2, conv.window(), new float[0], null));
        assertEquals(Window.square(3, 2, 1), new Window(3, 3, 2, 2, 1, 1, 1, 1));
    }
}
