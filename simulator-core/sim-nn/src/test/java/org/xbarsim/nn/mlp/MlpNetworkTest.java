package org.xbarsim.nn.mlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xbarsim.nn.data.Dataset;
import org.xbarsim.nn.net.Network;

/** The MLP as a network: the same weight matrices, names and class decisions as the MLP's own forward pass. */
class MlpNetworkTest {
    @ParameterizedTest
    @EnumSource(Mlp.Activation.class)
    void sameMatricesAndPredictions(Mlp.Activation activation) {
        Mlp mlp = Mlp.initialized(new int[] {5, 7, 4, 3}, activation, 3);
        for (int l = 0; l < mlp.layers(); l++) {
            for (int j = 0; j < mlp.biases[l].length; j++) {
                mlp.biases[l][j] = 0.05f * j;
            }
        }
        Network net = MlpNetwork.of(mlp);
        assertEquals(List.of("layer0", "act0", "layer1", "act1", "layer2"),
                net.nodes().stream().map(n -> n.layer().name()).toList());
        assertEquals(activation == Mlp.Activation.RELU ? "relu" : "sigmoid", net.nodes().get(1).layer().kind());
        for (int l = 0; l < mlp.layers(); l++) {
            assertArrayEquals(mlp.weights(l), net.matrices().get(l).weights());
            assertEquals(mlp.weightLayer(l).name(), net.matrices().get(l).name());
        }
        Dataset d = Synthetic.blobs(50, 5, 3, 2);
        float[] p = mlp.forward(d.x(), d.count());
        float[] y = net.forward(d.x(), d.count());
        int[] classes = mlp.predict(d.x(), d.count());
        for (int i = 0; i < d.count(); i++) {
            int best = 0;
            for (int j = 1; j < 3; j++) {
                best = y[i * 3 + j] > y[i * 3 + best] ? j : best;
            }
            assertEquals(classes[i], best, "sample " + i);
            // Logits differ from the MLP's only by rounding: bias added last instead of first.
            double sum = 0;
            for (int j = 0; j < 3; j++) {
                sum += Math.exp(y[i * 3 + j]);
            }
            assertEquals(p[i * 3 + best], Math.exp(y[i * 3 + best]) / sum, 1e-5);
        }
    }
}
