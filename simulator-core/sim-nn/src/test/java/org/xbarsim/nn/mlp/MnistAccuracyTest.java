package org.xbarsim.nn.mlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.xbarsim.nn.data.Mnist;

/**
 * The shipped model against the real MNIST test set. MNIST is fetched into the data directory
 * ($XBARSIM_DATA or ~/.cache/xbarsim) when absent; if it cannot be had this test fails, on
 * purpose: a green build must have checked the model.
 */
class MnistAccuracyTest {
    /** Relative to the sim-nn module directory, surefire's working directory. */
    private static final Path MODEL = Path.of("../../scenarios/models/mnist-mlp");

    @Test
    void shippedModelReachesItsAccuracyOnAllTenThousandTestImages() {
        Mlp mlp = Mlp.load(MODEL);
        assertArrayEquals(new int[] {784, 250, 125, 10}, mlp.sizes());
        Mnist mnist = Mnist.load(Mnist.defaultDataDir(), true);
        assertEquals(10_000, mnist.test().count());
        double accuracy = mlp.accuracy(mnist.test());
        assertTrue(accuracy >= 0.975, "test accuracy " + accuracy + " below 97.5%");
        // The model directory records what training measured; evaluation must reproduce it.
        assertEquals(mlp.provenance().testAccuracy(), accuracy, 0.5e-4);
    }
}
