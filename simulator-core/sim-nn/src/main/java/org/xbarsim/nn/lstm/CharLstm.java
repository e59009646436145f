package org.xbarsim.nn.lstm;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.xbarsim.api.io.BoundedFiles;
import org.xbarsim.api.io.NpyArray;
import org.xbarsim.api.random.RandomStream;

/**
 * A character-level LSTM language model with one layer: one-hot input, {@code hiddenSize} LSTM
 * cells, a softmax over the vocabulary.
 *
 * <p>Parameters, each a row-major {@code double[]} (rows = inputs, the way xbarsim maps a layer
 * onto crossbar rows; columns = the units the layer drives):
 * <ul>
 *   <li>{@code inputWeights} [vocab][4 hidden]: the one-hot input selects one row, so this matrix is
 *       also the character embedding;</li>
 *   <li>{@code recurrentWeights} [hidden][4 hidden];</li>
 *   <li>{@code gateBias} [4 hidden];</li>
 *   <li>{@code outputWeights} [hidden][vocab] and {@code outputBias} [vocab].</li>
 * </ul>
 * The 4 hidden columns are the gates in the order input, forget, cell candidate, output (i, f, g, o),
 * each a block of {@code hiddenSize}:
 * <pre>
 *   z = inputWeights[x] + h_prev recurrentWeights + gateBias
 *   i = sigmoid(z_i), f = sigmoid(z_f), g = tanh(z_g), o = sigmoid(z_o)
 *   c = f c_prev + i g,  h = o tanh(c)
 *   p(next) = softmax(h outputWeights + outputBias)
 * </pre>
 * The vocabulary (character {@code k} has id {@code k}) belongs to the model and is saved with it.
 */
public final class CharLstm {
    /** Tensor names in the fixed order of {@link #tensors()}; also the .npy file names. */
    public static final String[] TENSOR_NAMES = {
        "input-weights", "recurrent-weights", "gate-bias", "output-weights", "output-bias"};
    public static final String PROPERTIES_FILE = "model.properties";
    /** Bias of the forget gate at initialisation: remember by default (Jozefowicz et al., ICML 2015). */
    static final double FORGET_BIAS_INIT = 1.0;
    /** Characters per partial sum in {@link #bitsPerChar}: bounds the rounding of a long sum. */
    private static final int EVAL_CHUNK = 4096;
    private static final double LN2 = StrictMath.log(2);

    private final String vocabulary;
    private final int vocab;
    private final int hidden;
    final double[] inputWeights;
    final double[] recurrentWeights;
    final double[] gateBias;
    final double[] outputWeights;
    final double[] outputBias;

    /** A model with all parameters zero. */
    public CharLstm(String vocabulary, int hiddenSize) {
        if (vocabulary.isEmpty()) {
            throw new IllegalArgumentException("vocabulary is empty");
        }
        if (hiddenSize < 1) {
            throw new IllegalArgumentException("hidden size must be at least 1, got " + hiddenSize);
        }
        this.vocabulary = vocabulary;
        this.vocab = vocabulary.length();
        this.hidden = hiddenSize;
        int gates = 4 * hiddenSize;
        inputWeights = new double[vocab * gates];
        recurrentWeights = new double[hiddenSize * gates];
        gateBias = new double[gates];
        outputWeights = new double[hiddenSize * vocab];
        outputBias = new double[vocab];
    }

    /**
     * A model with random weights: every weight matrix normal with standard deviation
     * 1/sqrt(hidden) (so a gate's input from the recurrent matrix starts with variance about the
     * mean square of h), biases zero except the forget gate's, which is {@value #FORGET_BIAS_INIT}.
     * Drawn in the order of {@link #TENSOR_NAMES}, row by row.
     */
    public static CharLstm initialized(String vocabulary, int hiddenSize, RandomStream random) {
        CharLstm m = new CharLstm(vocabulary, hiddenSize);
        double scale = 1 / Math.sqrt(hiddenSize);
        for (double[] w : new double[][] {m.inputWeights, m.recurrentWeights, m.outputWeights}) {
            for (int i = 0; i < w.length; i++) {
                w[i] = scale * random.nextGaussian();
            }
        }
        Arrays.fill(m.gateBias, hiddenSize, 2 * hiddenSize, FORGET_BIAS_INIT);
        return m;
    }

    public String vocabulary() {
        return vocabulary;
    }

    public int vocabSize() {
        return vocab;
    }

    public int hiddenSize() {
        return hidden;
    }

    /** Number of trainable parameters. */
    public long parameterCount() {
        long n = 0;
        for (double[] t : tensors()) {
            n += t.length;
        }
        return n;
    }

    /**
     * The parameter arrays themselves (not copies), in the order of {@link #TENSOR_NAMES}. The
     * trainer updates them in place.
     */
    public double[][] tensors() {
        return new double[][] {inputWeights, recurrentWeights, gateBias, outputWeights, outputBias};
    }

    /** The shape of each tensor, in the order of {@link #TENSOR_NAMES}. */
    public int[][] shapes() {
        int g = 4 * hidden;
        return new int[][] {{vocab, g}, {hidden, g}, {g}, {hidden, vocab}, {vocab}};
    }

    /** [vocab][4 hidden], row-major, live. */
    public double[] inputWeights() {
        return inputWeights;
    }

    /** [hidden][4 hidden], row-major, live. */
    public double[] recurrentWeights() {
        return recurrentWeights;
    }

    /** [4 hidden], gates i, f, g, o, live. */
    public double[] gateBias() {
        return gateBias;
    }

    /** [hidden][vocab], row-major, live. */
    public double[] outputWeights() {
        return outputWeights;
    }

    /** [vocab], live. */
    public double[] outputBias() {
        return outputBias;
    }

    /** A running model: state carried from one character to the next. */
    public Runner runner() {
        return new Runner();
    }

    /**
     * Mean cross-entropy in bits of predicting each character of {@code ids} from all the ones
     * before it, with the state carried across the whole text from zero: n - 1 predictions for n ids.
     * The sum is taken in chunks of {@value #EVAL_CHUNK} characters, each a partial sum, so that
     * rounding does not grow with the length of the text.
     */
    public double bitsPerChar(int[] ids) {
        if (ids.length < 2) {
            throw new IllegalArgumentException("need at least 2 characters to predict one, got " + ids.length);
        }
        Runner r = runner();
        double total = 0;
        for (int start = 1; start < ids.length; start += EVAL_CHUNK) {
            int end = Math.min(ids.length, start + EVAL_CHUNK);
            double chunk = 0;
            for (int t = start; t < end; t++) {
                double[] p = r.next(ids[t - 1]);
                chunk -= StrictMath.log(p[ids[t]]);
            }
            total += chunk;
        }
        return total / (ids.length - 1) / LN2;
    }

    /**
     * The model run one character at a time. Holds its own state and buffers: one runner per
     * thread; the probabilities returned are overwritten by the next call.
     */
    public final class Runner {
        private final double[] h = new double[hidden];
        private final double[] c = new double[hidden];
        private final double[] z = new double[4 * hidden];
        private final double[] p = new double[vocab];

        /** Back to the zero state. */
        public void reset() {
            Arrays.fill(h, 0);
            Arrays.fill(c, 0);
        }

        /** Hidden state after the last character; live. */
        public double[] hiddenState() {
            return h;
        }

        /** Feeds one character; returns the probabilities of the next (live, length vocab). */
        public double[] next(int id) {
            int g = 4 * hidden;
            System.arraycopy(gateBias, 0, z, 0, g);
            Vec.axpy(1, inputWeights, id * g, z, 0, g);
            for (int k = 0; k < hidden; k++) {
                Vec.axpy(h[k], recurrentWeights, k * g, z, 0, g);
            }
            for (int k = 0; k < hidden; k++) {
                double i = Vec.sigmoid(z[k]);
                double f = Vec.sigmoid(z[hidden + k]);
                double gg = StrictMath.tanh(z[2 * hidden + k]);
                double o = Vec.sigmoid(z[3 * hidden + k]);
                c[k] = f * c[k] + i * gg;
                h[k] = o * StrictMath.tanh(c[k]);
            }
            System.arraycopy(outputBias, 0, p, 0, vocab);
            for (int k = 0; k < hidden; k++) {
                Vec.axpy(h[k], outputWeights, k * vocab, p, 0, vocab);
            }
            Vec.softmax(p, 0, vocab);
            return p;
        }
    }

    /**
     * Writes the tensors as float64 .npy files named after {@link #TENSOR_NAMES} and a
     * {@value #PROPERTIES_FILE} with the vocabulary, the sizes and {@code info} (training settings,
     * results), keys sorted so the file is the same bytes for the same model.
     */
    public void save(Path dir, Map<String, String> info) throws IOException {
        Files.createDirectories(dir);
        double[][] tensors = tensors();
        int[][] shapes = shapes();
        for (int i = 0; i < tensors.length; i++) {
            NpyArray.write(dir.resolve(TENSOR_NAMES[i] + ".npy"), shapes[i], tensors[i]);
        }
        TreeMap<String, String> props = new TreeMap<>(info);
        props.put("vocabulary", vocabulary);
        props.put("vocabSize", Integer.toString(vocab));
        props.put("hiddenSize", Integer.toString(hidden));
        props.put("layers", "1");
        props.put("gateOrder", "i,f,g,o");
        props.put("parameters", Long.toString(parameterCount()));
        try (Writer w = Files.newBufferedWriter(dir.resolve(PROPERTIES_FILE), StandardCharsets.UTF_8)) {
            w.write("# org.xbarsim.nn.lstm.CharLstm: one-layer character LSTM; tensors in *.npy (float64)\n");
            for (Map.Entry<String, String> e : props.entrySet()) {
                w.write(escape(e.getKey(), true) + "=" + escape(e.getValue(), false) + "\n");
            }
        }
    }

    /**
     * Reads a model written by {@link #save}.
     *
     * @throws IllegalArgumentException naming the file that is missing or does not fit
     */
    public static CharLstm load(Path dir) {
        Map<String, String> props = readProperties(dir);
        String vocabulary = required(props, "vocabulary", dir);
        int hiddenSize;
        try {
            hiddenSize = Integer.parseInt(required(props, "hiddenSize", dir));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(dir.resolve(PROPERTIES_FILE) + ": hiddenSize is not a whole number");
        }
        CharLstm m = new CharLstm(vocabulary, hiddenSize);
        double[][] tensors = m.tensors();
        int[][] shapes = m.shapes();
        for (int i = 0; i < tensors.length; i++) {
            Path file = dir.resolve(TENSOR_NAMES[i] + ".npy");
            NpyArray a;
            try {
                a = NpyArray.read(file);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
            }
            if (!Arrays.equals(a.shape(), shapes[i])) {
                throw new IllegalArgumentException(file + ": expected shape " + NpyArray.shapeText(shapes[i])
                        + " for vocabulary " + m.vocab + " and hidden size " + hiddenSize + ", got "
                        + NpyArray.shapeText(a.shape()));
            }
            for (int k = 0; k < a.data().length; k++) {
                if (!Double.isFinite(a.data()[k])) {
                    throw new IllegalArgumentException(file + ": expected finite values, got " + a.data()[k] + " at index " + k);
                }
            }
            System.arraycopy(a.data(), 0, tensors[i], 0, tensors[i].length);
        }
        return m;
    }

    /** A model's properties are a few lines; anything near this size is not one. */
    static final long MAX_PROPERTIES_BYTES = 1 << 20;

    /** The entries of a saved model's {@value #PROPERTIES_FILE}, sorted by key. */
    public static Map<String, String> readProperties(Path dir) {
        Path file = dir.resolve(PROPERTIES_FILE);
        Properties p = new Properties();
        try (Reader r = BoundedFiles.newBufferedReader(file, MAX_PROPERTIES_BYTES, "a model's properties",
                StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
        }
        TreeMap<String, String> out = new TreeMap<>();
        for (String k : p.stringPropertyNames()) {
            out.put(k, p.getProperty(k));
        }
        return out;
    }

    private static String required(Map<String, String> props, String key, Path dir) {
        String v = props.get(key);
        if (v == null) {
            throw new IllegalArgumentException(dir.resolve(PROPERTIES_FILE) + ": missing key " + key);
        }
        return v;
    }

    /**
     * Escapes text the way {@link Properties#load} reads it back: backslash escapes for the
     * separators, comment characters and control characters, {@code \}{@code uXXXX} outside printable
     * ASCII, and a leading space escaped so it survives. Properties.store would do this too, but
     * it writes a date and the keys in hash order, so the file would change on every save.
     */
    static String escape(String s, boolean key) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\f' -> b.append("\\f");
                case '=', ':', '#', '!' -> b.append('\\').append(ch);
                case ' ' -> b.append(i == 0 || key ? "\\ " : " ");
                default -> {
                    if (ch < 0x20 || ch > 0x7e) {
                        b.append(String.format("\\u%04X", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.toString();
    }
}
