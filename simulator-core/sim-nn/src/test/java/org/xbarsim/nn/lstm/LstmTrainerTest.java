package org.xbarsim.nn.lstm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.xbarsim.nn.text.CharCorpus;

class LstmTrainerTest {
    static final String TEXT = ("the quick brown fox jumps over the lazy dog. ").repeat(40)
            + "pack my box with five dozen liquor jugs.\n".repeat(20);

    static LstmTrainer.Settings settings(long seed, int threads) {
        return new LstmTrainer.Settings(12, 4, 2, 1, 1e-2, 0.9, 1.0, seed, threads);
    }

    /** Weights after a number of steps from a fresh seeded model. */
    static double[][] train(long seed, int threads, int steps) {
        CharCorpus corpus = CharCorpus.of(TEXT, 0.9);
        CharLstm model = LstmTrainer.newModel(corpus.vocabulary(), 8, seed);
        try (LstmTrainer trainer = new LstmTrainer(model, corpus.trainIds(), settings(seed, threads))) {
            for (int i = 0; i < steps; i++) {
                trainer.step();
            }
        }
        return model.tensors();
    }

    @Test
    void sameSeedGivesBitIdenticalWeightsOnAnyNumberOfThreads() {
        // More steps than one epoch, so the seeded epoch order is exercised too.
        double[][] a = train(7, 1, 40);
        double[][] b = train(7, 1, 40);
        double[][] c = train(7, 2, 40);
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i], 0.0, CharLstm.TENSOR_NAMES[i]);
            assertTrue(Arrays.equals(a[i], c[i]), CharLstm.TENSOR_NAMES[i] + " differs with 2 threads");
        }
        double[][] other = train(8, 1, 40);
        assertFalse(Arrays.equals(a[1], other[1]), "another seed should give other weights");
    }

    @Test
    void lossFallsAndProgressIsReported() {
        CharCorpus corpus = CharCorpus.of(TEXT, 0.9);
        CharLstm model = LstmTrainer.newModel(corpus.vocabulary(), 16, 3);
        double before = model.bitsPerChar(corpus.heldOutIds());
        int[] calls = new int[1];
        double[] last = new double[1];
        try (LstmTrainer trainer = new LstmTrainer(model, corpus.trainIds(),
                new LstmTrainer.Settings(16, 4, 1, 8, 1e-2, 1.0, 5.0, 3, 1))) {
            trainer.train((epoch, step, steps, bits) -> {
                assertEquals(calls[0] / steps, epoch);
                assertEquals(calls[0] % steps, step);
                calls[0]++;
                last[0] = bits;
            });
            assertEquals(8 * trainer.stepsPerEpoch(), calls[0]);
            assertEquals(8, trainer.epoch());
        }
        double after = model.bitsPerChar(corpus.heldOutIds());
        assertTrue(after < before - 1.5, "held-out bpc " + before + " -> " + after);
        assertTrue(last[0] < before, "last batch " + last[0]);
    }

    @Test
    void refusesBadSettingsAndText() {
        assertThrows(IllegalArgumentException.class,
                () -> new LstmTrainer.Settings(8, 6, 4, 1, 1e-3, 1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new LstmTrainer.Settings(8, 4, 2, 1, 0, 1, 1, 1, 1));
        CharLstm model = new CharLstm("ab", 4);
        assertThrows(IllegalArgumentException.class,
                () -> new LstmTrainer(model, new int[10], settings(1, 1)));
        int[] bad = new int[1000];
        bad[5] = 2;
        assertThrows(IllegalArgumentException.class, () -> new LstmTrainer(model, bad, settings(1, 1)));
    }
}
