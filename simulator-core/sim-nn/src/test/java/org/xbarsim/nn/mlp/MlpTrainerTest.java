package org.xbarsim.nn.mlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbarsim.nn.data.Dataset;

class MlpTrainerTest {
    private static final int[] SIZES = {20, 16, 12, 4};
    // A batch that does not divide the set (the last batch is short) and 3 shards that do not divide the batch.
    private static final MlpTrainer.Config CONFIG = new MlpTrainer.Config(3, 16, 0.05, 0.9, 1e-4, 3, 42);

    private static Mlp train(MlpTrainer.Config config, int threads, Mlp.Activation activation) {
        return new MlpTrainer(config, threads).train(SIZES, activation, Synthetic.blobs(203, 20, 4, 1), null);
    }

    private static void assertBitIdentical(Mlp a, Mlp b) {
        for (int l = 0; l < a.layers(); l++) {
            // Arrays.equals on float[] compares bit patterns (floatToIntBits), not values within a tolerance.
            assertArrayEquals(a.weights(l), b.weights(l), "weights of layer " + l);
            assertTrue(Arrays.equals(a.weights(l), b.weights(l)));
            assertTrue(Arrays.equals(a.bias(l), b.bias(l)), "biases of layer " + l);
        }
    }

    @Test
    void sameSeedGivesBitIdenticalWeights() {
        for (Mlp.Activation act : Mlp.Activation.values()) {
            assertBitIdentical(train(CONFIG, 1, act), train(CONFIG, 1, act));
        }
    }

    @Test
    void threadCountDoesNotChangeTheResult() {
        Mlp one = train(CONFIG, 1, Mlp.Activation.RELU);
        assertBitIdentical(one, train(CONFIG, 2, Mlp.Activation.RELU));
        assertBitIdentical(one, train(CONFIG, 3, Mlp.Activation.RELU));
    }

    @Test
    void anotherSeedGivesOtherWeights() {
        Mlp a = train(CONFIG, 1, Mlp.Activation.RELU);
        Mlp b = train(CONFIG.withSeed(43), 1, Mlp.Activation.RELU);
        assertFalse(Arrays.equals(a.weights(0), b.weights(0)));
    }

    @Test
    void learnsSeparableBlobsAndReportsProgress() {
        Dataset d = Synthetic.blobs(400, 20, 4, 2);
        List<double[]> epochs = new ArrayList<>();
        Mlp mlp = new MlpTrainer(CONFIG.withEpochs(5), 2).train(SIZES, Mlp.Activation.RELU, d,
                (epoch, loss, acc) -> epochs.add(new double[] {epoch, loss, acc}));
        assertEquals(5, epochs.size());
        assertEquals(1, epochs.get(0)[0]);
        assertTrue(epochs.get(4)[1] < epochs.get(0)[1], "loss falls");
        assertTrue(mlp.accuracy(d) > 0.95, "accuracy " + mlp.accuracy(d));
        assertEquals(42, mlp.provenance().seed());
        assertEquals(5, mlp.provenance().epochs());
    }
}
