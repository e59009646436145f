package org.xbarsim.nn.net.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbarsim.nn.data.Dataset;
import org.xbarsim.nn.net.Linear;
import org.xbarsim.nn.net.Network;

/**
 * The update rule against an independent computation of its definition (double arithmetic):
 * classical momentum v = mu v + g + lambda w on weights (no decay on biases), w -= rate_t v, with
 * rate_t = rate (1 + cos(pi t / T)) / 2 over the T steps of training, and g the softmax
 * cross-entropy gradient.
 */
class SgdStepTest {
    @Test
    void threeStepsOfMomentumSgdWithACosineRate() {
        float[] w0 = {0.2f, -0.1f, 0.4f, 0.3f, -0.5f, 0.1f};
        float[] b0 = {0.05f, -0.02f, 0.01f};
        Linear l = new Linear("fc", 2, 3, w0.clone(), b0.clone());
        Network net = Network.builder(new int[] {2}).add(l).build();
        float[] x = {1.5f, -0.5f};
        Dataset one = new Dataset(1, 2, x, new byte[] {2});
        double rate = 0.3;
        double mu = 0.8;
        double decay = 0.05;
        List<Double> losses = new ArrayList<>();
        new NetworkTrainer(new NetworkTrainer.Config(3, 4, rate, mu, decay, 2, 1), 2).train(net, one,
                (e, loss, acc) -> losses.add(loss));

        double[] w = new double[6];
        double[] b = new double[3];
        for (int i = 0; i < 6; i++) {
            w[i] = w0[i];
        }
        for (int i = 0; i < 3; i++) {
            b[i] = b0[i];
        }
        double[] vw = new double[6];
        double[] vb = new double[3];
        List<Double> expectedLosses = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            double[] z = new double[3];
            for (int o = 0; o < 3; o++) {
                z[o] = b[o] + x[0] * w[o] + x[1] * w[3 + o];
            }
            double max = Math.max(z[0], Math.max(z[1], z[2]));
            double sum = Math.exp(z[0] - max) + Math.exp(z[1] - max) + Math.exp(z[2] - max);
            expectedLosses.add(Math.log(sum) - (z[2] - max));
            double r = rate * 0.5 * (1 + Math.cos(Math.PI * t / 3));
            for (int o = 0; o < 3; o++) {
                double g = Math.exp(z[o] - max) / sum - (o == 2 ? 1 : 0);
                for (int i = 0; i < 2; i++) {
                    int k = i * 3 + o;
                    vw[k] = mu * vw[k] + x[i] * g + decay * w[k];
                }
                vb[o] = mu * vb[o] + g;
            }
            for (int k = 0; k < 6; k++) {
                w[k] -= r * vw[k];
            }
            for (int o = 0; o < 3; o++) {
                b[o] -= r * vb[o];
            }
        }
        for (int k = 0; k < 6; k++) {
            assertEquals(w[k], l.weights()[k], 1e-6, "weight " + k);
        }
        for (int o = 0; o < 3; o++) {
            assertEquals(b[o], l.bias()[o], 1e-6, "bias " + o);
        }
        for (int e = 0; e < 3; e++) {
            assertEquals(expectedLosses.get(e), losses.get(e), 1e-6, "loss of epoch " + (e + 1));
        }
    }
}
