package org.xbarsim.nn.mlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xbarsim.nn.data.Dataset;

/** Backpropagation against central finite differences of the loss, on a tiny net. */
class MlpGradientTest {
    /** Mean cross-entropy from the public forward pass, summed in double. */
    static double loss(Mlp mlp, Dataset d) {
        float[] p = mlp.forward(d.x(), d.count());
        double sum = 0;
        for (int i = 0; i < d.count(); i++) {
            sum -= Math.log(p[i * mlp.outputs() + d.label(i)]);
        }
        return sum / d.count();
    }

    @ParameterizedTest
    @EnumSource(Mlp.Activation.class)
    void gradientMatchesFiniteDifferences(Mlp.Activation activation) {
        Dataset d = Synthetic.blobs(12, 5, 3, 7);
        Mlp mlp = Mlp.initialized(new int[] {5, 6, 4, 3}, activation, 11);
        // Non-zero biases, so their gradients are checked away from the symmetric start.
        for (int l = 0; l < mlp.layers(); l++) {
            for (int j = 0; j < mlp.biases[l].length; j++) {
                mlp.biases[l][j] = 0.1f * (j - 1);
            }
        }
        float[][][] g = MlpTrainer.gradient(mlp, d);
        // Float forward passes carry about 1e-7 relative error: eps = 1e-2 keeps the difference
        // quotient's noise near 1e-5, and its truncation error (eps^2 times the third derivative)
        // is of the same order; ReLU kinks within eps of a sample would break it, and with this
        // seed none is.
        float eps = 1e-2f;
        int checked = 0;
        for (int l = 0; l < mlp.layers(); l++) {
            for (int kind = 0; kind < 2; kind++) {
                float[] p = kind == 0 ? mlp.weights[l] : mlp.biases[l];
                float[] analytic = g[kind][l];
                for (int k = 0; k < p.length; k++) {
                    float saved = p[k];
                    p[k] = saved + eps;
                    double up = loss(mlp, d);
                    p[k] = saved - eps;
                    double down = loss(mlp, d);
                    p[k] = saved;
                    double numeric = (up - down) / (2 * eps);
                    double tol = 2e-4 + 2e-2 * Math.abs(numeric);
                    assertEquals(numeric, analytic[k], tol, (kind == 0 ? "weight" : "bias") + " " + k + " of layer " + l);
                    checked++;
                }
            }
        }
        assertEquals(5 * 6 + 6 + 6 * 4 + 4 + 4 * 3 + 3, checked);
    }

    @Test
    void forwardGivesProbabilitiesAndPredictTheirArgmax() {
        Dataset d = Synthetic.blobs(40, 5, 3, 3);
        Mlp mlp = Mlp.initialized(new int[] {5, 8, 3}, Mlp.Activation.RELU, 5);
        float[] p = mlp.forward(d.x(), d.count());
        int[] predicted = mlp.predict(d.x(), d.count());
        for (int i = 0; i < d.count(); i++) {
            double sum = 0;
            for (int j = 0; j < 3; j++) {
                assertTrue(p[i * 3 + j] >= 0);
                sum += p[i * 3 + j];
            }
            assertEquals(1.0, sum, 1e-5);
            assertEquals(Mlp.argmax(p, i * 3, 3), predicted[i]);
        }
    }
}
