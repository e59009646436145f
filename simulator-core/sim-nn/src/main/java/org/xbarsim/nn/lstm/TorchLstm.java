package org.xbarsim.nn.lstm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.xbarsim.api.io.NpyArray;

/**
 * A character LSTM from an .npz of a PyTorch state_dict, the vocabulary included: a one-layer
 * {@code nn.LSTM} ({@code P.weight_ih_l0} (4 hidden, inputs), {@code P.weight_hh_l0} (4 hidden,
 * hidden), {@code P.bias_ih_l0}, {@code P.bias_hh_l0}; gates i, f, g, o as {@link CharLstm} has
 * them), an output {@code nn.Linear} ({@code Q.weight} (vocabulary, hidden), {@code Q.bias}), an
 * optional {@code nn.Embedding} before the LSTM ({@code E.weight} (vocabulary, embedding)), and
 * {@code vocabulary}: the characters' Unicode code points as floats, character k first. The module
 * names P, Q, E are found by these shapes. With an embedding, the input matrix is the embedding
 * times the LSTM's input weights: a one-hot character selects the same row either way.
 */
public final class TorchLstm {
    private TorchLstm() {
    }

    /** @throws IllegalArgumentException naming the tensor and what was expected */
    public static CharLstm fromStateDict(Map<String, NpyArray> t) {
        NpyArray vocabularyCodes = t.get("vocabulary");
        if (vocabularyCodes == null || vocabularyCodes.shape().length != 1) {
            throw new IllegalArgumentException("expected a tensor 'vocabulary' of shape (characters,) holding their "
                    + "code points, found " + (vocabularyCodes == null ? "none; the archive holds " + names(t)
                    : "shape " + NpyArray.shapeText(vocabularyCodes.shape())));
        }
        String vocabulary = vocabulary(vocabularyCodes.data());
        int v = vocabulary.length();
        String lstm = single(t, ".weight_ih_l0", "an nn.LSTM's weight_ih_l0");
        NpyArray wih = t.get(lstm + ".weight_ih_l0");
        NpyArray whh = t.get(lstm + ".weight_hh_l0");
        if (whh == null || whh.shape().length != 2 || whh.shape()[0] != 4 * whh.shape()[1]) {
            throw new IllegalArgumentException("expected " + lstm + ".weight_hh_l0 of shape (4 hidden, hidden), got "
                    + (whh == null ? "none" : NpyArray.shapeText(whh.shape())));
        }
        int h = whh.shape()[1];
        if (wih.shape().length != 2 || wih.shape()[0] != 4 * h) {
            throw shape(lstm + ".weight_ih_l0", "(" + 4 * h + ", inputs)", wih);
        }
        int in = wih.shape()[1];
        List<String> used = new ArrayList<>(List.of("vocabulary", lstm + ".weight_ih_l0", lstm + ".weight_hh_l0"));
        CharLstm m = new CharLstm(vocabulary, h);
        int g = 4 * h;
        inputMatrix(t, lstm, wih, v, in, g, m.inputWeights, used);
        System.arraycopy(transposed(finite(lstm + ".weight_hh_l0", whh), g, h), 0, m.recurrentWeights, 0, h * g);
        for (String b : List.of(lstm + ".bias_ih_l0", lstm + ".bias_hh_l0")) {
            addVector(t, b, g, m.gateBias, used);
        }
        String out = output(t, v, h, lstm);
        used.add(out + ".weight");
        System.arraycopy(transposed(finite(out + ".weight", t.get(out + ".weight")), v, h), 0, m.outputWeights, 0, h * v);
        addVector(t, out + ".bias", v, m.outputBias, used);
        TreeSet<String> unused = new TreeSet<>(t.keySet());
        used.forEach(unused::remove);
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException("expected only a one-layer LSTM, its output layer, an optional embedding "
                    + "and the vocabulary, got also " + String.join(", ", unused));
        }
        return m;
    }

    /**
     * The input matrix [vocabulary][4 hidden]: the LSTM's input weights themselves for one-hot input,
     * else the embedding times them.
     */
    private static void inputMatrix(Map<String, NpyArray> t, String lstm, NpyArray wih, int v, int in, int g,
                                    double[] target, List<String> used) {
        double[] inputRows = transposed(finite(lstm + ".weight_ih_l0", wih), g, in); // [in][4h]
        if (in == v) {
            System.arraycopy(inputRows, 0, target, 0, inputRows.length);
            return;
        }
        String embedding = embedding(t, v, in);
        used.add(embedding + ".weight");
        double[] e = finite(embedding + ".weight", t.get(embedding + ".weight"));
        for (int c = 0; c < v; c++) {
            for (int k = 0; k < in; k++) {
                double a = e[c * in + k];
                for (int j = 0; j < g; j++) {
                    target[c * g + j] += a * inputRows[k * g + j];
                }
            }
        }
    }

    /** Adds an optional bias vector of length n to {@code target}. */
    private static void addVector(Map<String, NpyArray> t, String name, int n, double[] target, List<String> used) {
        NpyArray a = t.get(name);
        if (a == null) {
            return;
        }
        if (!Arrays.equals(a.shape(), new int[] {n})) {
            throw shape(name, "(" + n + ",)", a);
        }
        double[] d = finite(name, a);
        for (int j = 0; j < n; j++) {
            target[j] += d[j];
        }
        used.add(name);
    }

    private static String vocabulary(double[] codes) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < codes.length; i++) {
            double c = codes[i];
            if (c != Math.rint(c) || c < 0 || c > Character.MAX_VALUE || Character.isSurrogate((char) c)) {
                throw new IllegalArgumentException("vocabulary: expected code points of characters 0..65535 (not "
                        + "surrogates), got " + c + " at index " + i);
            }
            if (b.indexOf(String.valueOf((char) c)) >= 0) {
                throw new IllegalArgumentException("vocabulary: expected each character once, got code point "
                        + (int) c + " twice");
            }
            b.append((char) c);
        }
        if (b.length() == 0) {
            throw new IllegalArgumentException("vocabulary: expected at least one character, got none");
        }
        return b.toString();
    }

    /** The one name prefix whose tensor ends with {@code suffix}. */
    private static String single(Map<String, NpyArray> t, String suffix, String what) {
        List<String> found = t.keySet().stream().filter(k -> k.endsWith(suffix)).toList();
        if (found.size() != 1) {
            throw new IllegalArgumentException("expected one tensor *" + suffix + " (" + what + "), got "
                    + (found.isEmpty() ? "none; the archive holds " + names(t) : String.join(", ", found)));
        }
        String k = found.get(0);
        return k.substring(0, k.length() - suffix.length());
    }

    private static String embedding(Map<String, NpyArray> t, int v, int in) {
        List<String> found = t.entrySet().stream().filter(e -> e.getKey().endsWith(".weight")
                && Arrays.equals(e.getValue().shape(), new int[] {v, in})).map(Map.Entry::getKey).toList();
        if (found.size() != 1) {
            throw new IllegalArgumentException("expected the LSTM's " + in + " inputs to be one-hot characters ("
                    + v + ") or one nn.Embedding *.weight of shape (" + v + ", " + in + "), got "
                    + (found.isEmpty() ? "none; the archive holds " + names(t) : String.join(", ", found)));
        }
        return found.get(0).substring(0, found.get(0).length() - ".weight".length());
    }

    private static String output(Map<String, NpyArray> t, int v, int h, String lstm) {
        List<String> found = t.entrySet().stream().filter(e -> e.getKey().endsWith(".weight")
                && !e.getKey().startsWith(lstm + ".") && Arrays.equals(e.getValue().shape(), new int[] {v, h}))
                .map(Map.Entry::getKey).toList();
        if (found.size() != 1) {
            throw new IllegalArgumentException("expected one output nn.Linear *.weight of shape (" + v + ", " + h
                    + "), got " + (found.isEmpty() ? "none; the archive holds " + names(t) : String.join(", ", found)));
        }
        return found.get(0).substring(0, found.get(0).length() - ".weight".length());
    }

    private static double[] finite(String name, NpyArray a) {
        for (int i = 0; i < a.data().length; i++) {
            if (!Double.isFinite(a.data()[i])) {
                throw new IllegalArgumentException("tensor " + name + ": expected finite values, got " + a.data()[i]
                        + " at index " + i);
            }
        }
        return a.data();
    }

    private static double[] transposed(double[] a, int rows, int cols) {
        double[] out = new double[a.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[c * rows + r] = a[r * cols + c];
            }
        }
        return out;
    }

    private static IllegalArgumentException shape(String name, String expected, NpyArray a) {
        return new IllegalArgumentException("tensor " + name + ": expected shape " + expected + ", got "
                + NpyArray.shapeText(a.shape()));
    }

    private static String names(Map<String, NpyArray> t) {
        return String.join(", ", new TreeSet<>(t.keySet()));
    }
}
