package org.xbarsim.nn.cnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.xbarsim.nn.data.Mnist;
import org.xbarsim.nn.net.Network;
import org.xbarsim.nn.net.io.NetworkFiles;

/**
 * The CNN shipped in scenarios/models/mnist-cnn against all 10,000 MNIST test images (fetched when
 * absent; without it this fails): its accuracy, and the same bits from its PyTorch state_dict and
 * from the ONNX file PyTorch exported from it (issue 15, done-when 2).
 */
class ShippedCnnTest {
    static final Path DIR = Path.of("../../scenarios/models/mnist-cnn");

    @Test
    void theShippedCnnFromNpzAndFromOnnxGivesTheSameBitsAndItsAccuracy() throws Exception {
        assertEquals(MnistCnn.DESCRIPTION, Files.readString(DIR.resolve(MnistCnn.DESCRIPTION_FILE)));
        Network npz = NetworkFiles.load(DIR.resolve(MnistCnn.DESCRIPTION_FILE), null);
        Network onnx = NetworkFiles.load(DIR.resolve("lenet5.onnx"), null);
        Mnist mnist = Mnist.load(Mnist.defaultDataDir(), true);
        float[] x = mnist.test().x();
        int n = mnist.test().count();
        int correct = 0;
        for (int from = 0; from < n; from += 1000) {
            float[] batch = java.util.Arrays.copyOfRange(x, from * 784, (from + 1000) * 784);
            float[] y = npz.forward(batch, 1000);
            assertArrayEquals(y, onnx.forward(batch, 1000), "images " + from + "..");
            for (int b = 0; b < 1000; b++) {
                int best = 0;
                for (int j = 1; j < 10; j++) {
                    best = y[b * 10 + j] > y[b * 10 + best] ? j : best;
                }
                correct += best == mnist.test().label(from + b) ? 1 : 0;
            }
        }
        double accuracy = correct / (double) n;
        assertEquals(accuracy, MnistCnn.accuracy(npz, mnist.test().slice(0, n)), 0);
        // The figure training printed (scenarios/models/mnist-cnn/README.md): 99.10%, 9,910 images.
        assertEquals(0.9910, accuracy, 0.5e-4);
        assertTrue(accuracy >= 0.988);
        assertArrayEquals(new int[] {1, 28, 28}, npz.inputShape());
        assertEquals(5, npz.matrices().size());
    }
}
