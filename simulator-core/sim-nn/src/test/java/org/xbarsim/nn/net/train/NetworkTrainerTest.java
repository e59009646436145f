package org.xbarsim.nn.net.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbarsim.api.random.RandomStream;
import org.xbarsim.nn.data.Dataset;
import org.xbarsim.nn.net.Add;
import org.xbarsim.nn.net.Conv2d;
import org.xbarsim.nn.net.Flatten;
import org.xbarsim.nn.net.Linear;
import org.xbarsim.nn.net.MaxPool2d;
import org.xbarsim.nn.net.Network;
import org.xbarsim.nn.net.Relu;
import org.xbarsim.nn.net.Softmax;
import org.xbarsim.nn.net.Window;

/** Training: the same bits on any number of threads, and it learns. */
class NetworkTrainerTest {
    /** 8x8 images whose class is the quadrant holding a bright square, on noise. */
    static Dataset quadrants(int n, long seed) {
        RandomStream r = new RandomStream(seed);
        float[] x = new float[n * 64];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            int q = r.nextInt(4);
            labels[i] = (byte) q;
            for (int p = 0; p < 64; p++) {
                x[i * 64 + p] = (float) (0.2 * r.nextDouble());
            }
            int y0 = q / 2 * 4 + 1;
            int x0 = q % 2 * 4 + 1;
            for (int dy = 0; dy < 2; dy++) {
                for (int dx = 0; dx < 2; dx++) {
                    x[i * 64 + (y0 + dy) * 8 + x0 + dx] = 1;
                }
            }
        }
        return new Dataset(n, 64, x, labels);
    }

    static Network net() {
        return Network.builder(new int[] {1, 8, 8})
                .add(new Conv2d("c", 1, 4, Window.square(3, 1, 1), new float[36], new float[4]))
                .add(new Relu("r"))
                .add(new MaxPool2d("p", Window.square(2, 2, 0)))
                .add(new Flatten("f"))
                .add(new Linear("fc", 64, 4, new float[256], new float[4]))
                .add(new Softmax("s"))
                .build();
    }

    static List<float[]> weights(Network n) {
        List<float[]> w = new ArrayList<>();
        for (Network.Node node : n.nodes()) {
            if (node.layer() instanceof Conv2d c) {
                w.add(c.weights());
                w.add(c.bias());
            } else if (node.layer() instanceof Linear l) {
                w.add(l.weights());
                w.add(l.bias());
            }
        }
        return w;
    }

    @Test
    void theSameBitsOnOneAndTwoThreadsAndItLearns() {
        Dataset train = quadrants(200, 1);
        NetworkTrainer.Config config = new NetworkTrainer.Config(3, 16, 0.05, 0.9, 1e-4, 2, 7);
        Network one = net();
        Network two = net();
        NetworkTrainer.initialize(one, config.seed());
        NetworkTrainer.initialize(two, config.seed());
        List<Double> losses = new ArrayList<>();
        new NetworkTrainer(config, 1).train(one, train, (e, loss, acc) -> losses.add(loss));
        new NetworkTrainer(config, 2).train(two, train, null);
        for (int i = 0; i < weights(one).size(); i++) {
            assertArrayEquals(weights(one).get(i), weights(two).get(i), "parameter " + i);
        }
        assertEquals(3, losses.size());
        assertTrue(losses.get(2) < losses.get(0), "loss " + losses);
        Dataset test = quadrants(200, 2);
        float[] y = one.forward(test.x(), test.count());
        int correct = 0;
        for (int i = 0; i < test.count(); i++) {
            int best = 0;
            for (int j = 1; j < 4; j++) {
                best = y[i * 4 + j] > y[i * 4 + best] ? j : best;
            }
            correct += best == test.label(i) ? 1 : 0;
        }
        assertTrue(correct > 190, "correct " + correct + " of 200"); // chance is 50
        Network other = net();
        NetworkTrainer.initialize(other, 8);
        NetworkTrainer.initialize(net(), 8);
        assertNotEquals(weights(other).get(0)[0], weights(net()).get(0)[0]);
    }

    @Test
    void initialisationIsHeBeforeHiddenLayersAndGlorotAtTheEnd() {
        Network n = Network.builder(new int[] {200})
                .add(new Linear("a", 200, 300, new float[60000], new float[300]))
                .add(new Relu("r"))
                .add(new Linear("b", 300, 100, new float[30000], null))
                .build();
        ((Linear) n.nodes().get(0).layer()).bias()[3] = 5;
        NetworkTrainer.initialize(n, 3);
        float[] a = ((Linear) n.nodes().get(0).layer()).weights();
        float[] b = ((Linear) n.nodes().get(2).layer()).weights();
        // Sample sd over 60,000 and 30,000 draws: within 2% of sqrt(2/200) = 0.1 and sqrt(1/300) = 0.0577.
        assertEquals(Math.sqrt(2.0 / 200), sd(a), 0.02 * Math.sqrt(2.0 / 200));
        assertEquals(Math.sqrt(1.0 / 300), sd(b), 0.02 * Math.sqrt(1.0 / 300));
        assertEquals(0f, ((Linear) n.nodes().get(0).layer()).bias()[3]);
    }

    static double sd(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x * x;
        }
        return Math.sqrt(s / v.length);
    }

    @Test
    void refusesWhatItCannotTrain() {
        Network residual = Network.builder(new int[] {4})
                .add(new Linear("a", 4, 4, new float[16], null))
                .add(Add.residual("s"), "a", "input")
                .build();
        NetworkTrainer t = new NetworkTrainer(NetworkTrainer.Config.defaults(), 1);
        Dataset d = new Dataset(1, 4, new float[4], new byte[1]);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> t.train(residual, d, null)).getMessage()
                .startsWith("layer s (add): the trainer takes a sequence"));
        Network image = Network.builder(new int[] {1, 2, 2}).add(new Relu("r")).build();
        assertThrows(IllegalArgumentException.class, () -> t.train(image, new Dataset(1, 4, new float[4], new byte[1]), null));
        Network wrong = Network.builder(new int[] {3}).add(new Linear("a", 3, 2, new float[6], null)).build();
        assertThrows(IllegalArgumentException.class, () -> t.train(wrong, d, null));
        assertThrows(IllegalArgumentException.class, () -> t.train(wrong, new Dataset(0, 3, new float[0], new byte[0]), null));
        assertThrows(IllegalArgumentException.class, () -> new NetworkTrainer(NetworkTrainer.Config.defaults(), 0));
        assertThrows(IllegalArgumentException.class, () -> new NetworkTrainer.Config(1, 0, 0.1, 0.9, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new NetworkTrainer.Config(1, 1, 0, 0.9, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new NetworkTrainer.Config(1, 1, 0.1, 1, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new NetworkTrainer.Config(-1, 1, 0.1, 0.5, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new NetworkTrainer.Config(1, 1, 0.1, 0.5, -1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new NetworkTrainer.Config(1, 1, 0.1, 0.5, 0, 0, 1));
        assertEquals(5, NetworkTrainer.Config.defaults().withEpochs(5).epochs());
        assertEquals(9, NetworkTrainer.Config.defaults().withSeed(9).seed());
        assertEquals("SGD momentum 0.9, batch 64, learning rate 0.03 cosine to 0 per step, weight decay 1.0E-4, "
                + "12 epochs, 2 shards, seed 1", NetworkTrainer.Config.defaults().describe());
    }
}
