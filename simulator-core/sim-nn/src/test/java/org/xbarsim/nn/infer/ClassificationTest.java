package org.xbarsim.nn.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbarsim.api.inference.AnalogLayer;
import org.xbarsim.api.inference.InferenceContext;
import org.xbarsim.api.inference.InferenceResult;
import org.xbarsim.api.random.RandomStream;
import org.xbarsim.api.workload.WorkloadContext;
import org.xbarsim.nn.data.Dataset;
import org.xbarsim.nn.net.Conv2d;
import org.xbarsim.nn.net.Flatten;
import org.xbarsim.nn.net.Linear;
import org.xbarsim.nn.net.Lstm;
import org.xbarsim.nn.net.Network;
import org.xbarsim.nn.net.Relu;
import org.xbarsim.nn.net.WeightMatrix;
import org.xbarsim.nn.net.Window;

/**
 * The evaluation against ideal converters (exact float products: what a chip with no error would
 * compute), recording what each layer was calibrated on and asked to multiply.
 */
class ClassificationTest {
    /** An ideal analog layer: exact products; records its calibration and its work. */
    static final class IdealLayer implements AnalogLayer {
        final WeightMatrix m;
        float[] calibratedOn;
        int calibratedRows;
        long multiplied;

        IdealLayer(WeightMatrix m) {
            this.m = m;
        }

        @Override
        public int inputs() {
            return m.rows();
        }

        @Override
        public int outputs() {
            return m.cols();
        }

        @Override
        public void calibrate(float[] x, int batch) {
            calibratedOn = java.util.Arrays.copyOf(x, batch * m.rows());
            calibratedRows = batch;
        }

        @Override
        public void multiply(float[] x, int batch, float[] y) {
            new org.xbarsim.nn.net.DigitalMultiplier(List.of(m)).multiply(0, x, batch, y);
            multiplied += batch;
        }
    }

    static final class Chip implements InferenceContext {
        final List<IdealLayer> layers = new ArrayList<>();
        final List<long[]> progress = new ArrayList<>();
        final int batch;

        Chip(Network net, int batch) {
            net.matrices().forEach(m -> layers.add(new IdealLayer(m)));
            this.batch = batch;
        }

        @Override
        public WorkloadContext workload() {
            return null;
        }

        @Override
        public int layerCount() {
            return layers.size();
        }

        @Override
        public AnalogLayer layer(int index) {
            return layers.get(index);
        }

        @Override
        public int batch() {
            return batch;
        }

        @Override
        public long samples() {
            return 0;
        }

        @Override
        public void progress(long done, long total) {
            progress.add(new long[] {done, total});
        }
    }

    static Network cnn(RandomStream r) {
        float[] cw = new float[2 * 9 * 3];
        float[] fw = new float[3 * 16 * 3];
        for (float[] a : new float[][] {cw, fw}) {
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) r.nextGaussian();
            }
        }
        return Network.builder(new int[] {2, 4, 4})
                .add(new Conv2d("c", 2, 3, Window.square(3, 1, 1), cw, new float[] {0.1f, 0, -0.1f}))
                .add(new Relu("r"))
                .add(new Flatten("f"))
                .add(new Linear("fc", 48, 3, fw, null))
                .build();
    }

    static Dataset data(RandomStream r, int n, Network net) {
        float[] x = new float[n * 32];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextDouble();
        }
        byte[] labels = new byte[n];
        float[] y = net.forward(x, n);
        for (int i = 0; i < n; i++) {
            // Labels: the network's own answer for most, another class for every third: accuracy 2/3.
            int best = 0;
            for (int j = 1; j < 3; j++) {
                best = y[i * 3 + j] > y[i * 3 + best] ? j : best;
            }
            labels[i] = (byte) (i % 3 == 0 ? (best + 1) % 3 : best);
        }
        return new Dataset(n, 32, x, labels);
    }

    @Test
    void idealConvertersScoreWhatFloatingPointScores() {
        RandomStream r = new RandomStream(1);
        Network net = cnn(r);
        Dataset test = data(r, 30, net);
        Dataset calibration = data(r, 5, net);
        Chip chip = new Chip(net, 7);
        InferenceResult result = Classification.evaluate(net, test, calibration, chip);
        assertEquals(20.0 / 30, result.softwareAccuracy(), 1e-12);
        assertEquals(result.softwareAccuracy(), result.analogAccuracy());
        assertEquals(30, result.samples());
        assertEquals(net.work(), result.layers());
        // Calibrated once, on the training samples' own layer inputs: every conv position of the 5 samples.
        IdealLayer conv = chip.layers.get(0);
        assertEquals(5 * 16, conv.calibratedRows);
        assertArrayEquals(Conv2d.im2col(calibration.x(), 5, new int[] {2, 4, 4}, Window.square(3, 1, 1)),
                conv.calibratedOn);
        assertEquals(5, chip.layers.get(1).calibratedRows);
        assertEquals(30 * 16, conv.multiplied);
        assertEquals(30, chip.layers.get(1).multiplied);
        assertArrayEquals(new long[] {7, 30}, chip.progress.get(0));
        assertArrayEquals(new long[] {30, 30}, chip.progress.get(chip.progress.size() - 1));
        assertEquals(5, chip.progress.size());
    }

    @Test
    void anLstmIsCalibratedOnEveryTimeStep() {
        int steps = 4;
        Lstm l = new Lstm("l", 2, 3, new float[24], new float[36], new float[12], false);
        Network net = Network.builder(new int[] {steps, 2}).add(l).build();
        Chip chip = new Chip(net, 10);
        float[] x = new float[6 * steps * 2];
        java.util.Arrays.fill(x, 0.5f);
        Calibration.run(net, x, 6, chip);
        assertEquals(6 * steps, chip.layers.get(0).calibratedRows);
        assertEquals(6 * steps, chip.layers.get(1).calibratedRows);
        assertEquals(0.5f, chip.layers.get(0).calibratedOn[0]);
    }

    @Test
    void aNetworkOfTheWrongInputSizeIsRefused() {
        RandomStream r = new RandomStream(2);
        Network net = cnn(r);
        Dataset other = new Dataset(2, 10, new float[20], new byte[2]);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Classification.evaluate(net, other, other, new Chip(net, 2))).getMessage()
                .startsWith("expected a network taking 10 features"));
        assertEquals(1, Classification.argmax(new float[] {1, 3, 3}, 0, 3));
        assertEquals(Double.NaN, Classification.accuracy(net, new Dataset(0, 32, new float[0], new byte[0]), 4, null, null));
    }
}
