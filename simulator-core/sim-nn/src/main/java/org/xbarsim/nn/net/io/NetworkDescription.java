package org.xbarsim.nn.net.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A network description: the architecture a PyTorch state_dict does not carry, one layer per line.
 * <pre>
 *   # comment
 *   input 1 28 28                                  per-sample input shape
 *   conv2d conv1 out=6 kernel=5 padding=2          tensors conv1.weight (6, 1, 5, 5), conv1.bias (6)
 *   relu relu1
 *   maxpool pool1 kernel=2                         stride defaults to the kernel, as in PyTorch
 *   flatten flat
 *   linear fc1 out=120                             tensors fc1.weight (120, 400), fc1.bias (120)
 *   add res1 from=fc1,relu3                        a residual add of two earlier layers
 *   lstm rnn hidden=128 output=last                tensors rnn.weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0
 *   softmax prob
 * </pre>
 * Every layer reads the previous one unless {@code from=} names others ({@code input} is the
 * network input). Biases are optional: a layer has one when the archive holds {@code NAME.bias}.
 *
 * @param inputShape per-sample input shape
 * @param layers     the layer lines, in order
 */
public record NetworkDescription(int[] inputShape, List<Line> layers) {
    /** Longest description read: a few hundred layers are far below it. */
    public static final long MAX_BYTES = 1 << 20;

    /** Keys each kind accepts (besides {@code from}). */
    private static final Map<String, Set<String>> KEYS = Map.of(
            "linear", Set.of("out"),
            "conv2d", Set.of("out", "kernel", "stride", "padding"),
            "relu", Set.of(),
            "maxpool", Set.of("kernel", "stride", "padding"),
            "avgpool", Set.of("kernel", "stride", "padding", "countIncludePad"),
            "flatten", Set.of(),
            "lstm", Set.of("hidden", "output"),
            "add", Set.of(),
            "softmax", Set.of());

    /**
     * One layer line.
     *
     * @param number  line number in the file, for errors
     * @param kind    the layer kind
     * @param name    the layer's name (PyTorch's module name for layers with weights)
     * @param options key=value options, in file order
     * @param from    the layers it reads; empty for the previous one
     */
    public record Line(int number, String kind, String name, Map<String, String> options, List<String> from) {
        /** A whole number option, with a default when absent (null: required). */
        public int integer(String key, Integer fallback) {
            String v = options.get(key);
            if (v == null) {
                if (fallback == null) {
                    throw new IllegalArgumentException(where() + "expected " + key + "=N, found none");
                }
                return fallback;
            }
            try {
                int n = Integer.parseInt(v);
                if (n < 0 || n > 1 << 20) {
                    throw new NumberFormatException();
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where() + "expected " + key + " a whole number 0..1048576, got '"
                        + v + "'");
            }
        }

        public String text(String key, String fallback, String... choices) {
            String v = options.getOrDefault(key, fallback);
            if (!Arrays.asList(choices).contains(v)) {
                throw new IllegalArgumentException(where() + "expected " + key + " one of " + String.join(", ", choices)
                        + ", got '" + v + "'");
            }
            return v;
        }

        /** "line 4 (conv2d conv1): ", the prefix of every error about this line. */
        public String where() {
            return "line " + number + " (" + kind + " " + name + "): ";
        }
    }

    public NetworkDescription {
        inputShape = inputShape.clone();
        layers = List.copyOf(layers);
    }

    /**
     * Parses a description.
     *
     * @throws IllegalArgumentException "line N: expected ..., got ..."
     */
    public static NetworkDescription parse(String text) {
        int[] input = null;
        List<Line> lines = new ArrayList<>();
        String[] rows = text.split("\r?\n", -1);
        for (int n = 0; n < rows.length; n++) {
            String row = rows[n];
            int hash = row.indexOf('#');
            String[] words = (hash >= 0 ? row.substring(0, hash) : row).trim().split("\\s+");
            if (words[0].isEmpty()) {
                continue;
            }
            String kind = words[0].toLowerCase(Locale.ROOT);
            if (kind.equals("input")) {
                if (input != null || !lines.isEmpty()) {
                    throw new IllegalArgumentException("line " + (n + 1) + ": expected one input line before the "
                            + "layers, got another");
                }
                input = shape(words, n + 1);
                continue;
            }
            if (input == null) {
                throw new IllegalArgumentException("line " + (n + 1) + ": expected 'input' and the per-sample shape "
                        + "(e.g. input 1 28 28) first, got '" + words[0] + "'");
            }
            lines.add(layer(kind, words, n + 1));
        }
        if (input == null || lines.isEmpty()) {
            throw new IllegalArgumentException("expected an input line and at least one layer, got "
                    + (input == null ? "no input line" : "no layer"));
        }
        return new NetworkDescription(input, lines);
    }

    private static int[] shape(String[] words, int line) {
        if (words.length < 2) {
            throw new IllegalArgumentException("line " + line + ": expected the input shape (e.g. input 1 28 28), got none");
        }
        int[] s = new int[words.length - 1];
        for (int i = 1; i < words.length; i++) {
            try {
                s[i - 1] = Integer.parseInt(words[i]);
            } catch (NumberFormatException e) {
                s[i - 1] = -1;
            }
            if (s[i - 1] < 1 || s[i - 1] > 1 << 20) {
                throw new IllegalArgumentException("line " + line + ": expected input sizes 1..1048576, got '"
                        + words[i] + "'");
            }
        }
        return s;
    }

    private static Line layer(String kind, String[] words, int line) {
        Set<String> keys = KEYS.get(kind);
        if (keys == null) {
            throw new IllegalArgumentException("line " + line + ": expected a layer kind among " + kinds() + ", got '"
                    + words[0] + "'");
        }
        if (words.length < 2 || words[1].contains("=")) {
            throw new IllegalArgumentException("line " + line + ": expected a name after '" + kind + "' (e.g. "
                    + kind + " " + kind + "1), got none");
        }
        String name = words[1];
        Map<String, String> options = new LinkedHashMap<>();
        List<String> from = new ArrayList<>();
        for (int i = 2; i < words.length; i++) {
            int eq = words[i].indexOf('=');
            if (eq <= 0 || eq == words[i].length() - 1) {
                throw new IllegalArgumentException("line " + line + " (" + kind + " " + name
                        + "): expected key=value, got '" + words[i] + "'");
            }
            String key = words[i].substring(0, eq);
            String value = words[i].substring(eq + 1);
            if (key.equals("from")) {
                from.addAll(Arrays.asList(value.split(",")));
            } else if (!keys.contains(key)) {
                throw new IllegalArgumentException("line " + line + " (" + kind + " " + name + "): expected "
                        + (keys.isEmpty() ? "no option but from=" : "options among " + new java.util.TreeSet<>(keys)
                        + " or from=") + ", got '" + key + "'");
            } else if (options.put(key, value) != null) {
                throw new IllegalArgumentException("line " + line + " (" + kind + " " + name + "): " + key
                        + " given twice");
            }
        }
        return new Line(line, kind, name, options, from);
    }

    private static String kinds() {
        return String.join(", ", new java.util.TreeSet<>(KEYS.keySet()));
    }
}
