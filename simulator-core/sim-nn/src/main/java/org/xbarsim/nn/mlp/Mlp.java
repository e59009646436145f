package org.xbarsim.nn.mlp;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import org.xbarsim.api.io.BoundedFiles;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.io.NpyArray;
import org.xbarsim.api.random.RandomStream;
import org.xbarsim.api.random.RandomStreams;
import org.xbarsim.api.workload.WeightLayer;
import org.xbarsim.nn.data.Dataset;

/**
 * A multi-layer perceptron: fully connected layers with sigmoid or ReLU between them and softmax
 * at the output. Layer {@code l} maps {@code sizes[l]} inputs to {@code sizes[l + 1]} outputs with
 * weights row-major [in][out], element (i, j) at {@code i * out + j}: rows are inputs, the way a
 * layer is programmed into a crossbar (one row per input line).
 *
 * <p>Everything runs over flat float arrays, a batch at a time. The inner loop of every matrix
 * product is an axpy over a contiguous weight row ({@code out[j] += a * w[i][j]}), which the JIT
 * vectorizes, and it is skipped when the input {@code a} is zero: 81% of MNIST's pixels and about
 * half of the ReLU outputs, so a forward pass costs about a third of the dense count.
 *
 * <p>Not thread-safe while training; inference ({@link #forward}, {@link #predict},
 * {@link #accuracy}) only reads the weights and may run concurrently.
 */
public final class Mlp {
    /** Hidden-layer nonlinearity; the output layer is always softmax. */
    public enum Activation {
        /** max(0, z): trains faster and more reliably than sigmoid here, He-initialized. */
        RELU,
        /** 1 / (1 + e^-z), as Burr et al. (IEEE TED 2015) used for 784-250-125-10; Xavier-initialized. */
        SIGMOID;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Activation of(String id) {
            for (Activation a : values()) {
                if (a.id().equals(id.trim())) {
                    return a;
                }
            }
            throw new IllegalArgumentException("expected activation relu or sigmoid, got '" + id + "'");
        }
    }

    /**
     * Where a model came from, written to {@code model.properties}.
     *
     * @param seed         the trainer's seed (initialization and shuffling)
     * @param epochs       epochs trained
     * @param testAccuracy accuracy on the test set, NaN if not measured
     * @param training     one line describing the trainer's settings, may be empty
     */
    public record Provenance(long seed, int epochs, double testAccuracy, String training) {
        public static final Provenance NONE = new Provenance(0, 0, Double.NaN, "");
    }

    /** Rows per chunk in inference: bounds the scratch memory (about 0.5 MB) whatever the data set. */
    private static final int CHUNK = 256;

    private final int[] sizes;
    private final Activation activation;
    /** Package-private so the trainer updates them in place; everyone else gets copies. */
    final float[][] weights;
    final float[][] biases;
    private Provenance provenance = Provenance.NONE;

    /** A network with all weights and biases zero. */
    public Mlp(int[] sizes, Activation activation) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("expected at least 2 layer sizes (inputs, outputs), got "
                    + Arrays.toString(sizes));
        }
        for (int s : sizes) {
            if (s <= 0) {
                throw new IllegalArgumentException("expected positive layer sizes, got " + Arrays.toString(sizes));
            }
        }
        this.sizes = sizes.clone();
        this.activation = activation;
        int layers = sizes.length - 1;
        this.weights = new float[layers][];
        this.biases = new float[layers][];
        for (int l = 0; l < layers; l++) {
            weights[l] = new float[Math.multiplyExact(sizes[l], sizes[l + 1])];
            biases[l] = new float[sizes[l + 1]];
        }
    }

    /**
     * A network with random weights from {@code seed}: normal with standard deviation sqrt(2 / in)
     * before ReLU (He et al. 2015, which keeps the activations' variance constant through ReLU
     * layers) and sqrt(1 / in) before sigmoid and softmax (Glorot and Bengio 2010); biases zero.
     * Layer {@code l} draws from the stream {@code mlp/init/layer<l>}, so changing one layer's size
     * leaves the others' draws alone.
     */
    public static Mlp initialized(int[] sizes, Activation activation, long seed) {
        Mlp m = new Mlp(sizes, activation);
        RandomStreams streams = new RandomStreams(seed);
        for (int l = 0; l < m.layers(); l++) {
            RandomStream r = streams.stream("mlp/init/layer" + l);
            boolean feedsRelu = activation == Activation.RELU && l < m.layers() - 1;
            double std = Math.sqrt((feedsRelu ? 2.0 : 1.0) / sizes[l]);
            float[] w = m.weights[l];
            for (int k = 0; k < w.length; k++) {
                w[k] = (float) (std * r.nextGaussian());
            }
        }
        return m;
    }

    public int[] sizes() {
        return sizes.clone();
    }

    /** Number of weight layers: {@code sizes().length - 1}. */
    public int layers() {
        return sizes.length - 1;
    }

    public int inputs() {
        return sizes[0];
    }

    public int outputs() {
        return sizes[sizes.length - 1];
    }

    public Activation activation() {
        return activation;
    }

    /** A copy of layer {@code l}'s weights, row-major [in][out]. */
    public float[] weights(int layer) {
        return weights[layer].clone();
    }

    /** A copy of layer {@code l}'s biases. */
    public float[] bias(int layer) {
        return biases[layer].clone();
    }

    /** Layer {@code l}'s weights as the matrix xbarsim programs: rows = inputs, named {@code layer<l>}. */
    public WeightLayer weightLayer(int layer) {
        float[] w = weights[layer];
        double[] d = new double[w.length];
        for (int k = 0; k < w.length; k++) {
            d[k] = w[k];
        }
        return new WeightLayer("layer" + layer, sizes[layer], sizes[layer + 1], d);
    }

    /** Replaces layer {@code l}'s weights and biases (copied), e.g. with values read back from a crossbar. */
    public void setLayer(int layer, float[] w, float[] b) {
        if (w.length != weights[layer].length || b.length != biases[layer].length) {
            throw new IllegalArgumentException("layer " + layer + ": expected " + sizes[layer] + "x"
                    + sizes[layer + 1] + " weights and " + sizes[layer + 1] + " biases, got " + w.length
                    + " and " + b.length);
        }
        System.arraycopy(w, 0, weights[layer], 0, w.length);
        System.arraycopy(b, 0, biases[layer], 0, b.length);
    }

    public Provenance provenance() {
        return provenance;
    }

    public void setProvenance(Provenance provenance) {
        this.provenance = provenance;
    }

    /**
     * Class probabilities of {@code count} samples stored row-major in {@code x}.
     *
     * @return row-major [count][outputs]
     */
    public float[] forward(float[] x, int count) {
        checkInput(x, 0, count);
        float[] out = new float[count * outputs()];
        float[][] acts = scratch(Math.min(count, CHUNK));
        for (int from = 0; from < count; from += CHUNK) {
            int rows = Math.min(CHUNK, count - from);
            forward(x, from * inputs(), rows, acts);
            float[] logits = acts[layers()];
            for (int b = 0; b < rows; b++) {
                softmax(logits, b * outputs(), outputs());
            }
            System.arraycopy(logits, 0, out, from * outputs(), rows * outputs());
        }
        return out;
    }

    /** The most probable class of each of {@code count} samples in {@code x}. */
    public int[] predict(float[] x, int count) {
        checkInput(x, 0, count);
        int[] classes = new int[count];
        float[][] acts = scratch(Math.min(count, CHUNK));
        for (int from = 0; from < count; from += CHUNK) {
            int rows = Math.min(CHUNK, count - from);
            forward(x, from * inputs(), rows, acts);
            for (int b = 0; b < rows; b++) {
                // Softmax is monotonic: the largest logit is the most probable class.
                classes[from + b] = argmax(acts[layers()], b * outputs(), outputs());
            }
        }
        return classes;
    }

    /** Fraction of {@code data}'s samples classified correctly. */
    public double accuracy(Dataset data) {
        if (data.features() != inputs()) {
            throw new IllegalArgumentException("expected " + inputs() + " features, data set has " + data.features());
        }
        if (data.count() == 0) {
            return Double.NaN;
        }
        int[] p = predict(data.x(), data.count());
        int correct = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] == data.label(i)) {
                correct++;
            }
        }
        return (double) correct / data.count();
    }

    private void checkInput(float[] x, int offset, int count) {
        if (count < 0 || offset + (long) count * inputs() > x.length) {
            throw new IllegalArgumentException("expected " + count + " x " + inputs() + " inputs, got an array of "
                    + x.length);
        }
    }

    /** Activation buffers for up to {@code rows} samples: [l] holds layer l's outputs (l >= 1). */
    float[][] scratch(int rows) {
        float[][] acts = new float[sizes.length][];
        for (int l = 1; l < sizes.length; l++) {
            acts[l] = new float[rows * sizes[l]];
        }
        return acts;
    }

    /**
     * Forward pass of {@code rows} samples read from {@code x} at {@code offset}: leaves each
     * layer's activations in {@code acts[1..]} and the output layer's logits (before softmax) in
     * {@code acts[layers()]}.
     */
    void forward(float[] x, int offset, int rows, float[][] acts) {
        float[] in = x;
        int inOff = offset;
        for (int l = 0; l < layers(); l++) {
            int n = sizes[l];
            int o = sizes[l + 1];
            float[] w = weights[l];
            float[] bias = biases[l];
            float[] out = acts[l + 1];
            boolean hidden = l < layers() - 1;
            for (int b = 0; b < rows; b++) {
                int ob = b * o;
                System.arraycopy(bias, 0, out, ob, o);
                int ib = inOff + b * n;
                for (int i = 0; i < n; i++) {
                    float a = in[ib + i];
                    if (a != 0f) {
                        int wi = i * o;
                        for (int j = 0; j < o; j++) {
                            out[ob + j] += a * w[wi + j];
                        }
                    }
                }
                if (hidden) {
                    activate(out, ob, o);
                }
            }
            in = out;
            inOff = 0;
        }
    }

    private void activate(float[] z, int from, int n) {
        if (activation == Activation.RELU) {
            for (int j = from; j < from + n; j++) {
                z[j] = Math.max(z[j], 0f);
            }
        } else {
            for (int j = from; j < from + n; j++) {
                // StrictMath: the result must not depend on whether this code was JIT-compiled.
                z[j] = (float) (1.0 / (1.0 + StrictMath.exp(-z[j])));
            }
        }
    }

    /** In place; subtracting the max keeps exp from overflowing on large logits. */
    static void softmax(float[] z, int from, int n) {
        float max = z[from];
        for (int j = from + 1; j < from + n; j++) {
            max = Math.max(max, z[j]);
        }
        double sum = 0;
        for (int j = from; j < from + n; j++) {
            double e = StrictMath.exp(z[j] - max);
            z[j] = (float) e;
            sum += e;
        }
        float inv = (float) (1.0 / sum);
        for (int j = from; j < from + n; j++) {
            z[j] *= inv;
        }
    }

    static int argmax(float[] z, int from, int n) {
        int best = 0;
        for (int j = 1; j < n; j++) {
            if (z[from + j] > z[from + best]) {
                best = j;
            }
        }
        return best;
    }

    // ---- files ---------------------------------------------------------------------------------

    /** The file names in a model directory. */
    static String weightsFile(int layer) {
        return "layer" + layer + ".weights.npy";
    }

    static String biasFile(int layer) {
        return "layer" + layer + ".bias.npy";
    }

    public static final String PROPERTIES = "model.properties";

    /**
     * Writes {@code layer<l>.weights.npy} (shape (in, out)), {@code layer<l>.bias.npy} (shape
     * (out,)), float64 so NumPy reads them as they are, and {@code model.properties}. The files are
     * a deterministic function of the model: no date, fixed key order.
     */
    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (int l = 0; l < layers(); l++) {
            NpyArray.write(dir.resolve(weightsFile(l)), new int[] {sizes[l], sizes[l + 1]}, toDouble(weights[l]));
            NpyArray.write(dir.resolve(biasFile(l)), new int[] {sizes[l + 1]}, toDouble(biases[l]));
        }
        StringBuilder p = new StringBuilder();
        p.append("# xbarsim MLP: layer<l>.weights.npy is [in][out] (rows = inputs), softmax output\n");
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < sizes.length; i++) {
            s.append(i == 0 ? "" : ",").append(sizes[i]);
        }
        p.append("sizes=").append(s).append('\n');
        p.append("activation=").append(activation.id()).append('\n');
        p.append("output=softmax\n");
        p.append("seed=").append(provenance.seed()).append('\n');
        p.append("epochs=").append(provenance.epochs()).append('\n');
        p.append("testAccuracy=").append(Double.isNaN(provenance.testAccuracy()) ? ""
                : String.format(Locale.ROOT, "%.4f", provenance.testAccuracy())).append('\n');
        p.append("training=").append(provenance.training().replace('\n', ' ')).append('\n');
        Files.writeString(dir.resolve(PROPERTIES), p.toString(), StandardCharsets.ISO_8859_1);
    }

    /**
     * Reads a model written by {@link #save}.
     *
     * @throws InputError naming the file and what was expected (missing file, wrong shape, bad key)
     */
    public static Mlp load(Path dir) {
        Path propsFile = dir.resolve(PROPERTIES);
        Properties props = new Properties();
        // A model's properties are a few lines; anything over 1 MiB is not one.
        try (Reader r = BoundedFiles.newBufferedReader(propsFile, 1 << 20, "a model's properties",
                StandardCharsets.ISO_8859_1)) {
            props.load(r);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InputError(propsFile.toString(), null, "expected an MLP model directory with "
                    + PROPERTIES + ", found no such file", e);
        } catch (IOException e) {
            throw new InputError(propsFile.toString(), null, "cannot read: " + e.getMessage(), e);
        }
        int[] sizes;
        try {
            sizes = Arrays.stream(required(props, propsFile, "sizes").split(","))
                    .mapToInt(t -> Integer.parseInt(t.trim())).toArray();
        } catch (NumberFormatException e) {
            throw new InputError(propsFile.toString(), "sizes", "expected layer sizes like 784,250,125,10, got '"
                    + props.getProperty("sizes") + "'");
        }
        Activation act;
        try {
            act = Activation.of(required(props, propsFile, "activation"));
        } catch (IllegalArgumentException e) {
            throw new InputError(propsFile.toString(), "activation", e.getMessage());
        }
        Mlp m;
        try {
            m = new Mlp(sizes, act);
        } catch (IllegalArgumentException e) {
            throw new InputError(propsFile.toString(), "sizes", e.getMessage());
        }
        for (int l = 0; l < m.layers(); l++) {
            readInto(dir.resolve(weightsFile(l)), new int[] {sizes[l], sizes[l + 1]}, m.weights[l]);
            readInto(dir.resolve(biasFile(l)), new int[] {sizes[l + 1]}, m.biases[l]);
        }
        try {
            String acc = props.getProperty("testAccuracy", "").trim();
            m.provenance = new Provenance(Long.parseLong(props.getProperty("seed", "0").trim()),
                    Integer.parseInt(props.getProperty("epochs", "0").trim()),
                    acc.isEmpty() ? Double.NaN : Double.parseDouble(acc), props.getProperty("training", "").trim());
        } catch (NumberFormatException e) {
            throw new InputError(propsFile.toString(), null, "expected numbers for seed, epochs and testAccuracy: "
                    + e.getMessage());
        }
        return m;
    }

    private static String required(Properties props, Path file, String key) {
        String v = props.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new InputError(file.toString(), key, "expected a value, found none");
        }
        return v;
    }

    private static void readInto(Path file, int[] shape, float[] target) {
        NpyArray a;
        try {
            a = NpyArray.read(file);
        } catch (IllegalArgumentException e) {
            throw new InputError(file.toString(), null, e.getMessage(), e);
        }
        if (!Arrays.equals(a.shape(), shape)) {
            throw new InputError(file.toString(), null, "expected shape " + NpyArray.shapeText(shape) + ", got "
                    + NpyArray.shapeText(a.shape()));
        }
        double[] d = a.data();
        for (int k = 0; k < d.length; k++) {
            target[k] = (float) d[k];
            if (!Float.isFinite(target[k])) {
                throw new InputError(file.toString(), null, "expected finite float32 values, got " + d[k] + " at index " + k);
            }
        }
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int k = 0; k < f.length; k++) {
            d[k] = f[k];
        }
        return d;
    }
}
