package org.xbarsim.nn.lstm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.api.io.NpyArray;
import org.xbarsim.api.random.RandomStream;
import org.xbarsim.nn.text.CharCorpus;

class CharLstmTest {
    @TempDir
    Path dir;

    @Test
    void sizesAndParameterCount() {
        CharLstm m = new CharLstm("abc", 4);
        assertEquals(3 * 16 + 4 * 16 + 16 + 4 * 3 + 3, m.parameterCount());
        assertEquals(3 * 16, m.inputWeights().length);
        assertEquals(4 * 16, m.recurrentWeights().length);
        // Zero weights predict the uniform distribution: log2(vocab) bits per character.
        assertEquals(Math.log(3) / Math.log(2), m.bitsPerChar(new int[] {0, 1, 2, 1, 0}), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> m.bitsPerChar(new int[] {1}));
    }

    @Test
    void forgetGateStartsOpen() {
        CharLstm m = CharLstm.initialized("ab", 3, new RandomStream(1));
        assertArrayEquals(new double[] {0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0}, m.gateBias(), 0);
    }

    @Test
    void runnerMatchesTheTrainingForwardPass() {
        // bitsPerChar (one character at a time) and the batched training pass are separate code;
        // they must compute the same function.
        CharCorpus corpus = CharCorpus.of(LstmTrainerTest.TEXT, 0.9);
        CharLstm m = LstmTrainer.newModel(corpus.vocabulary(), 6, 5);
        int[] ids = corpus.encode(LstmTrainerTest.TEXT.substring(0, 41));
        Bptt bptt = new Bptt(m, 1, 40);
        bptt.resetState();
        double nats = bptt.forward(java.util.Arrays.copyOf(ids, 40), java.util.Arrays.copyOfRange(ids, 1, 41));
        assertEquals(nats / 40 / Math.log(2), m.bitsPerChar(ids), 1e-12);
    }

    @Test
    void saveAndLoadRoundTrip() throws IOException {
        // Characters the properties format treats specially, and one outside ASCII.
        String text = "a=b: c#d!e\\f\tg\nh é ".repeat(30);
        CharCorpus corpus = CharCorpus.of(text, 0.8);
        CharLstm m = LstmTrainer.newModel(corpus.vocabulary(), 5, 9);
        try (LstmTrainer t = new LstmTrainer(m, corpus.trainIds(),
                new LstmTrainer.Settings(10, 2, 1, 1, 1e-2, 1, 1, 9, 1))) {
            for (int i = 0; i < 5; i++) {
                t.step();
            }
        }
        double bits = m.bitsPerChar(corpus.heldOutIds());
        Path out = dir.resolve("model");
        m.save(out, Map.of("heldOutBitsPerChar", Double.toString(bits), "note", " leading space = kept"));
        CharLstm back = CharLstm.load(out);
        assertEquals(corpus.vocabulary(), back.vocabulary());
        assertEquals(5, back.hiddenSize());
        for (int i = 0; i < m.tensors().length; i++) {
            assertArrayEquals(m.tensors()[i], back.tensors()[i], 0.0);
        }
        assertEquals(bits, back.bitsPerChar(corpus.heldOutIds()), 0.0);
        Map<String, String> props = CharLstm.readProperties(out);
        assertEquals(bits, Double.parseDouble(props.get("heldOutBitsPerChar")), 0.0);
        assertEquals(" leading space = kept", props.get("note"));
        assertEquals(Long.toString(m.parameterCount()), props.get("parameters"));
        assertArrayEquals(new int[] {corpus.vocabSize(), 20}, NpyArray.read(out.resolve("input-weights.npy")).shape());

        // Saving the same model again writes the same bytes.
        byte[] first = Files.readAllBytes(out.resolve(CharLstm.PROPERTIES_FILE));
        m.save(out, Map.of("heldOutBitsPerChar", Double.toString(bits), "note", " leading space = kept"));
        assertArrayEquals(first, Files.readAllBytes(out.resolve(CharLstm.PROPERTIES_FILE)));
    }

    @Test
    void loadNamesWhatIsWrong() throws IOException {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CharLstm.load(dir));
        assertTrue(e.getMessage().contains("model.properties: no such file"), e.getMessage());
        CharLstm m = new CharLstm("xyz", 2);
        m.save(dir, Map.of());
        NpyArray.write(dir.resolve("output-bias.npy"), new int[] {4}, new double[4]);
        e = assertThrows(IllegalArgumentException.class, () -> CharLstm.load(dir));
        assertTrue(e.getMessage().contains("output-bias.npy: expected shape (3,)"), e.getMessage());
    }
}
