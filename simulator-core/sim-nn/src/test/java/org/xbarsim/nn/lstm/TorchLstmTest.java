package org.xbarsim.nn.lstm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.xbarsim.api.io.NpyArray;
import org.xbarsim.api.io.NpzArchive;

/** The state_dict of a character LSTM: what is refused, with the tensor named. (What loads: TorchModelsTest.) */
class TorchLstmTest {
    static Map<String, NpyArray> fixture() {
        return new TreeMap<>(NpzArchive.read(Path.of("src/test/resources/torch/char_lstm.npz")));
    }

    static String error(Map<String, NpyArray> t) {
        return assertThrows(IllegalArgumentException.class, () -> TorchLstm.fromStateDict(t)).getMessage();
    }

    static NpyArray zeros(int... shape) {
        return new NpyArray(shape, new double[java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b)]);
    }

    /** Transposes [rows][cols] to [cols][rows]. */
    static double[] t(double[] a, int rows, int cols) {
        double[] out = new double[a.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[c * rows + r] = a[r * cols + c];
            }
        }
        return out;
    }

    /** The shipped model, written as PyTorch names and orients it, reads back to the same numbers. */
    @Test
    void theShippedModelRoundTripsThroughPyTorchsLayout() {
        CharLstm m = CharLstm.load(Path.of("../../scenarios/models/char-lstm"));
        int v = m.vocabSize();
        int h = m.hiddenSize();
        int g = 4 * h;
        Map<String, NpyArray> sd = new TreeMap<>();
        sd.put("lstm.weight_ih_l0", new NpyArray(new int[] {g, v}, t(m.inputWeights(), v, g)));
        sd.put("lstm.weight_hh_l0", new NpyArray(new int[] {g, h}, t(m.recurrentWeights(), h, g)));
        double[] half = new double[g];
        for (int i = 0; i < g; i++) {
            half[i] = m.gateBias()[i] / 2; // PyTorch keeps two bias vectors; the cell adds them
        }
        sd.put("lstm.bias_ih_l0", new NpyArray(new int[] {g}, half));
        sd.put("lstm.bias_hh_l0", new NpyArray(new int[] {g}, half.clone()));
        sd.put("fc.weight", new NpyArray(new int[] {v, h}, t(m.outputWeights(), h, v)));
        sd.put("fc.bias", new NpyArray(new int[] {v}, m.outputBias().clone()));
        sd.put("vocabulary", new NpyArray(new int[] {v}, m.vocabulary().chars().asDoubleStream().toArray()));
        CharLstm back = TorchLstm.fromStateDict(sd);
        assertEquals(m.vocabulary(), back.vocabulary());
        org.junit.jupiter.api.Assertions.assertArrayEquals(m.inputWeights(), back.inputWeights());
        org.junit.jupiter.api.Assertions.assertArrayEquals(m.recurrentWeights(), back.recurrentWeights());
        org.junit.jupiter.api.Assertions.assertArrayEquals(m.gateBias(), back.gateBias(), 1e-15);
        org.junit.jupiter.api.Assertions.assertArrayEquals(m.outputWeights(), back.outputWeights());
        org.junit.jupiter.api.Assertions.assertArrayEquals(m.outputBias(), back.outputBias());
    }

    @Test
    void refusesWithTheTensorNamed() {
        Map<String, NpyArray> t = fixture();
        assertEquals(14, TorchLstm.fromStateDict(t).vocabSize());
        t.remove("vocabulary");
        assertEquals("expected a tensor 'vocabulary' of shape (characters,) holding their code points, found none; the "
                + "archive holds decoder.bias, decoder.weight, rnn.bias_hh_l0, rnn.bias_ih_l0, rnn.weight_hh_l0, "
                + "rnn.weight_ih_l0", error(t));
        t = fixture();
        t.put("vocabulary", new NpyArray(new int[] {13}, new double[] {97, 97, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13}));
        assertEquals("vocabulary: expected each character once, got code point 97 twice", error(t));
        t.put("vocabulary", new NpyArray(new int[] {2}, new double[] {97.5, 98}));
        assertEquals("vocabulary: expected code points of characters 0..65535 (not surrogates), got 97.5 at index 0",
                error(t));
        t.put("vocabulary", new NpyArray(new int[] {1}, new double[] {0xd800}));
        assertEquals("vocabulary: expected code points of characters 0..65535 (not surrogates), got 55296.0 at index 0",
                error(t));
        t.put("vocabulary", new NpyArray(new int[] {0}, new double[0]));
        assertEquals("vocabulary: expected at least one character, got none", error(t));
        t.put("vocabulary", zeros(2, 2));
        assertEquals("expected a tensor 'vocabulary' of shape (characters,) holding their code points, found shape (2, 2)",
                error(t));
        t = fixture();
        t.remove("rnn.weight_ih_l0");
        assertEquals("expected one tensor *.weight_ih_l0 (an nn.LSTM's weight_ih_l0), got none; the archive holds "
                + "decoder.bias, decoder.weight, rnn.bias_hh_l0, rnn.bias_ih_l0, rnn.weight_hh_l0, vocabulary", error(t));
        t = fixture();
        t.put("rnn.weight_hh_l0", zeros(32, 7));
        assertEquals("expected rnn.weight_hh_l0 of shape (4 hidden, hidden), got (32, 7)", error(t));
        t = fixture();
        t.put("rnn.weight_ih_l0", zeros(16, 14));
        assertEquals("tensor rnn.weight_ih_l0: expected shape (32, inputs), got (16, 14)", error(t));
        t = fixture();
        t.put("rnn.bias_hh_l0", zeros(31));
        assertEquals("tensor rnn.bias_hh_l0: expected shape (32,), got (31,)", error(t));
        t = fixture();
        t.put("decoder.weight", zeros(14, 9));
        assertEquals("expected one output nn.Linear *.weight of shape (14, 8), got none; the archive holds "
                + "decoder.bias, decoder.weight, rnn.bias_hh_l0, rnn.bias_ih_l0, rnn.weight_hh_l0, rnn.weight_ih_l0, "
                + "vocabulary", error(t));
        t = fixture();
        t.put("decoder.bias", zeros(13));
        assertEquals("tensor decoder.bias: expected shape (14,), got (13,)", error(t));
        t = fixture();
        t.put("extra.running_mean", zeros(3));
        assertEquals("expected only a one-layer LSTM, its output layer, an optional embedding and the vocabulary, got "
                + "also extra.running_mean", error(t));
        t = fixture();
        t.get("rnn.weight_hh_l0").data()[5] = Double.POSITIVE_INFINITY;
        assertEquals("tensor rnn.weight_hh_l0: expected finite values, got Infinity at index 5", error(t));
        t = fixture();
        t.put("rnn.weight_ih_l0", zeros(32, 6));
        assertEquals("expected the LSTM's 6 inputs to be one-hot characters (14) or one nn.Embedding *.weight of shape "
                + "(14, 6), got none; the archive holds decoder.bias, decoder.weight, rnn.bias_hh_l0, rnn.bias_ih_l0, "
                + "rnn.weight_hh_l0, rnn.weight_ih_l0, vocabulary", error(t));
        t = fixture();
        t.remove("rnn.bias_ih_l0");
        t.remove("rnn.bias_hh_l0");
        t.remove("decoder.bias");
        CharLstm noBias = TorchLstm.fromStateDict(t);
        assertEquals(0.0, noBias.gateBias()[3]);
        assertEquals(0.0, noBias.outputBias()[3]);
    }
}
