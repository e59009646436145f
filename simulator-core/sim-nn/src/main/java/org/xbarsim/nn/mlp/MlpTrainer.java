package org.xbarsim.nn.mlp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import org.xbarsim.api.random.RandomStreams;
import org.xbarsim.nn.data.Dataset;
import org.xbarsim.nn.net.train.Shards;

/**
 * Mini-batch SGD with momentum on softmax cross-entropy, with L2 weight decay and a cosine learning
 * rate schedule (per step, from the configured rate down to zero at the last step).
 *
 * <p>Deterministic: the same config and data give bit-identical weights on any number of threads.
 * Initialization and shuffling draw from named streams of the seed ({@code mlp/init/layer<l>},
 * {@code mlp/shuffle/epoch<e>}). Each batch is cut into a fixed number of shards
 * ({@link Config#shards()}, not the thread count); each shard computes its gradient into its own
 * buffers, and the shards' gradients are summed in shard order, so float rounding never depends on
 * which thread finished first. Threads only decide how many shards run at once.
 */
public final class MlpTrainer {
    /**
     * Training settings.
     *
     * @param epochs       passes over the training set
     * @param batchSize    samples per SGD step
     * @param learningRate the peak (first-step) rate of the cosine schedule
     * @param momentum     classical momentum coefficient (v = momentum v + g; w -= rate v)
     * @param weightDecay  L2 coefficient on weights (not biases); also keeps weights small, which
     *                     narrows the conductance range a crossbar must cover
     * @param shards       fixed pieces of each batch whose gradients are computed independently and
     *                     summed in order; set it to the largest thread count you will use
     * @param seed         initialization and shuffling
     */
    public record Config(int epochs, int batchSize, double learningRate, double momentum, double weightDecay,
                         int shards, long seed) {
        public Config {
            if (epochs < 0 || batchSize <= 0 || shards <= 0 || learningRate <= 0 || momentum < 0 || momentum >= 1
                    || weightDecay < 0) {
                throw new IllegalArgumentException("expected epochs >= 0, batchSize > 0, shards > 0, learningRate > 0,"
                        + " 0 <= momentum < 1, weightDecay >= 0; got " + this);
            }
        }

        /** The settings the shipped MNIST model was trained with (scenarios/models/mnist-mlp). */
        public static Config defaults() {
            return new Config(20, 100, 0.05, 0.9, 1e-4, 2, 1);
        }

        public Config withEpochs(int e) {
            return new Config(e, batchSize, learningRate, momentum, weightDecay, shards, seed);
        }

        public Config withSeed(long s) {
            return new Config(epochs, batchSize, learningRate, momentum, weightDecay, shards, s);
        }

        public Config withBatchSize(int b) {
            return new Config(epochs, b, learningRate, momentum, weightDecay, shards, seed);
        }

        public Config withLearningRate(double r) {
            return new Config(epochs, batchSize, r, momentum, weightDecay, shards, seed);
        }

        /** One line for {@code model.properties}. */
        public String describe() {
            return String.format(Locale.ROOT, "SGD momentum %s, batch %d, learning rate %s cosine to 0 per step,"
                    + " weight decay %s, %d epochs, %d shards, seed %d", momentum, batchSize, learningRate,
                    weightDecay, epochs, shards, seed);
        }
    }

    /** Called after each epoch with the epoch's mean training loss and training accuracy, measured on the fly. */
    @FunctionalInterface
    public interface Progress {
        void epoch(int epoch, double loss, double accuracy);
    }

    private final Config config;
    private final int threads;

    /**
     * @param threads how many shards run at once; results do not depend on it
     */
    public MlpTrainer(Config config, int threads) {
        if (threads <= 0) {
            throw new IllegalArgumentException("expected threads > 0, got " + threads);
        }
        this.config = config;
        this.threads = threads;
    }

    public Config config() {
        return config;
    }

    /** Initializes a network of {@code sizes} from the config's seed and trains it. */
    public Mlp train(int[] sizes, Mlp.Activation activation, Dataset data, Progress progress) {
        Mlp mlp = Mlp.initialized(sizes, activation, config.seed());
        train(mlp, data, progress);
        return mlp;
    }

    /**
     * Trains {@code mlp} in place from its current weights for {@link Config#epochs()} epochs and
     * records the config in its provenance (test accuracy left NaN for the caller to measure).
     */
    public void train(Mlp mlp, Dataset data, Progress progress) {
        check(mlp, data);
        Training training = new Training(mlp, data);
        ExecutorService pool = Shards.pool(threads, training.shards.length, "mlp-trainer");
        try {
            for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                training.epoch(epoch, pool);
                if (progress != null) {
                    progress.epoch(epoch, training.lossSum / data.count(), (double) training.correct / data.count());
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        Mlp.Provenance old = mlp.provenance();
        mlp.setProvenance(new Mlp.Provenance(config.seed(), old.epochs() + config.epochs(), Double.NaN,
                config.describe()));
    }

    private static void check(Mlp mlp, Dataset data) {
        if (data.features() != mlp.inputs()) {
            throw new IllegalArgumentException("expected " + mlp.inputs() + " features, data set has " + data.features());
        }
        if (data.count() == 0) {
            throw new IllegalArgumentException("expected a non-empty training set");
        }
        for (int i = 0; i < data.count(); i++) {
            if (data.label(i) >= mlp.outputs()) {
                throw new IllegalArgumentException("label " + data.label(i) + " of sample " + i + " is not below the "
                        + mlp.outputs() + " outputs");
            }
        }
    }

    /** A training run's state: the shards, the momentum, the sample order and the step count. */
    private final class Training {
        final Mlp mlp;
        final Dataset data;
        final int batch;
        final int shardRows;
        final Shard[] shards;
        final float[][] velocityW;
        final float[][] velocityB;
        final float[][] transposed;
        final int[] order;
        final RandomStreams streams = new RandomStreams(config.seed());
        final long totalSteps;
        long step;
        double lossSum;
        long correct;

        Training(Mlp mlp, Dataset data) {
            this.mlp = mlp;
            this.data = data;
            int layers = mlp.layers();
            batch = Math.min(config.batchSize(), data.count());
            shardRows = (batch + config.shards() - 1) / config.shards();
            shards = new Shard[config.shards()];
            for (int s = 0; s < shards.length; s++) {
                shards[s] = new Shard(mlp, shardRows);
            }
            velocityW = new float[layers][];
            velocityB = new float[layers][];
            transposed = new float[layers][];
            for (int l = 0; l < layers; l++) {
                velocityW[l] = new float[mlp.weights[l].length];
                velocityB[l] = new float[mlp.biases[l].length];
                // Layer 0 needs no transpose: no gradient flows into the inputs.
                transposed[l] = l == 0 ? null : new float[mlp.weights[l].length];
            }
            order = new int[data.count()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            totalSteps = (long) ((data.count() + batch - 1) / batch) * config.epochs();
        }

        /** One pass over the shuffled data, batch by batch. */
        void epoch(int epoch, ExecutorService pool) {
            Shards.shuffle(order, streams.stream("mlp/shuffle/epoch" + epoch));
            lossSum = 0;
            correct = 0;
            for (int from = 0; from < order.length; from += batch) {
                batch(from, Math.min(batch, order.length - from), pool);
            }
        }

        /** One step: the shards' gradients of a batch (in parallel), then the momentum update. */
        private void batch(int from, int rows, ExecutorService pool) {
            int[] sizes = mlp.sizes();
            for (int l = 1; l < mlp.layers(); l++) {
                transpose(mlp.weights[l], sizes[l], sizes[l + 1], transposed[l]);
            }
            // Fixed shard boundaries: shard s takes rows [s * shardRows, (s + 1) * shardRows).
            List<Callable<Void>> tasks = new ArrayList<>(shards.length);
            for (int s = 0; s < shards.length; s++) {
                int lo = Math.min(rows, s * shardRows);
                int hi = Math.min(rows, lo + shardRows);
                Shard shard = shards[s];
                int start = from + lo;
                int n = hi - lo;
                tasks.add(() -> {
                    shard.run(mlp, data, order, start, n, rows, transposed);
                    return null;
                });
            }
            Shards.runAll(pool, tasks);
            for (Shard shard : shards) {
                lossSum += shard.loss;
                correct += shard.correct;
            }
            double rate = config.learningRate() * 0.5 * (1 + StrictMath.cos(Math.PI * step / totalSteps));
            update(mlp, shards, velocityW, velocityB, (float) rate);
            step++;
        }
    }

    /**
     * The gradient of the mean cross-entropy over all of {@code data} taken as one batch, without
     * weight decay, computed by the code a training step uses: {@code {weights[l], biases[l]}}.
     * For gradient checks.
     */
    static float[][][] gradient(Mlp mlp, Dataset data) {
        int n = data.count();
        Shard shard = new Shard(mlp, n);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int[] sizes = mlp.sizes();
        float[][] transposed = new float[mlp.layers()][];
        for (int l = 1; l < mlp.layers(); l++) {
            transposed[l] = new float[mlp.weights[l].length];
            transpose(mlp.weights[l], sizes[l], sizes[l + 1], transposed[l]);
        }
        shard.run(mlp, data, order, 0, n, n, transposed);
        return new float[][][] {shard.gradW, shard.gradB};
    }

    /** [in][out] to [out][in], so backpropagation into a layer's inputs is an axpy over contiguous rows too. */
    private static void transpose(float[] w, int in, int out, float[] t) {
        for (int i = 0; i < in; i++) {
            int wi = i * out;
            for (int j = 0; j < out; j++) {
                t[j * in + i] = w[wi + j];
            }
        }
    }

    /**
     * Sums the shards' gradients in shard order into shard 0's buffers, then one momentum step.
     * Weight decay joins the gradient (coupled L2), as in the classical formulation.
     */
    private void update(Mlp mlp, Shard[] shards, float[][] velocityW, float[][] velocityB, float rate) {
        float mu = (float) config.momentum();
        float decay = (float) config.weightDecay();
        for (int l = 0; l < mlp.layers(); l++) {
            float[] g = shards[0].gradW[l];
            float[] gb = shards[0].gradB[l];
            for (int s = 1; s < shards.length; s++) {
                float[] gs = shards[s].gradW[l];
                for (int k = 0; k < g.length; k++) {
                    g[k] += gs[k];
                }
                float[] gbs = shards[s].gradB[l];
                for (int k = 0; k < gb.length; k++) {
                    gb[k] += gbs[k];
                }
            }
            float[] w = mlp.weights[l];
            float[] v = velocityW[l];
            for (int k = 0; k < w.length; k++) {
                v[k] = mu * v[k] + (g[k] + decay * w[k]);
                w[k] -= rate * v[k];
            }
            float[] b = mlp.biases[l];
            float[] vb = velocityB[l];
            for (int k = 0; k < b.length; k++) {
                vb[k] = mu * vb[k] + gb[k];
                b[k] -= rate * vb[k];
            }
        }
    }

    /** One shard's buffers: its gathered inputs, activations, deltas and gradient. */
    private static final class Shard {
        final float[] input;
        final float[][] acts;
        final float[][] deltas;
        final float[][] gradW;
        final float[][] gradB;
        double loss;
        int correct;

        Shard(Mlp mlp, int rows) {
            int[] sizes = mlp.sizes();
            input = new float[rows * sizes[0]];
            acts = mlp.scratch(rows);
            deltas = mlp.scratch(rows);
            gradW = new float[mlp.layers()][];
            gradB = new float[mlp.layers()][];
            for (int l = 0; l < mlp.layers(); l++) {
                gradW[l] = new float[mlp.weights[l].length];
                gradB[l] = new float[mlp.biases[l].length];
            }
        }

        /**
         * Gradient of the batch-mean loss restricted to this shard's {@code n} samples
         * {@code order[start .. start + n)}; {@code batchRows} is the whole batch's size, so the
         * shards' gradients add up to the batch mean.
         */
        void run(Mlp mlp, Dataset data, int[] order, int start, int n, int batchRows, float[][] transposed) {
            int[] sizes = mlp.sizes();
            int layers = mlp.layers();
            for (int l = 0; l < layers; l++) {
                Arrays.fill(gradW[l], 0f);
                Arrays.fill(gradB[l], 0f);
            }
            loss = 0;
            correct = 0;
            if (n == 0) {
                return;
            }
            int features = sizes[0];
            float[] x = data.x();
            for (int b = 0; b < n; b++) {
                System.arraycopy(x, order[start + b] * features, input, b * features, features);
            }
            mlp.forward(input, 0, n, acts);
            outputDelta(mlp, data, order, start, n, batchRows);
            for (int l = layers - 1; l >= 0; l--) {
                accumulate(l, sizes[l], sizes[l + 1], n);
                if (l > 0) {
                    backpropagate(mlp, l, sizes[l], sizes[l + 1], n, transposed[l]);
                }
            }
        }

        /** Softmax cross-entropy gives p - onehot at the outputs; divided by the batch size for the mean. */
        private void outputDelta(Mlp mlp, Dataset data, int[] order, int start, int n, int batchRows) {
            int outs = mlp.sizes()[mlp.layers()];
            float[] top = acts[mlp.layers()];
            float[] d = deltas[mlp.layers()];
            float scale = 1f / batchRows;
            for (int b = 0; b < n; b++) {
                int off = b * outs;
                int label = data.label(order[start + b]);
                if (Mlp.argmax(top, off, outs) == label) {
                    correct++;
                }
                Mlp.softmax(top, off, outs);
                loss -= StrictMath.log(Math.max(top[off + label], 1e-30f));
                for (int j = 0; j < outs; j++) {
                    d[off + j] = (top[off + j] - (j == label ? 1f : 0f)) * scale;
                }
            }
        }

        /** Layer {@code l}'s weight and bias gradients from its inputs and its outputs' deltas. */
        private void accumulate(int l, int in, int out, int n) {
            float[] a = l == 0 ? input : acts[l];
            float[] delta = deltas[l + 1];
            float[] gw = gradW[l];
            float[] gb = gradB[l];
            for (int b = 0; b < n; b++) {
                int db = b * out;
                for (int j = 0; j < out; j++) {
                    gb[j] += delta[db + j];
                }
                int ab = b * in;
                for (int i = 0; i < in; i++) {
                    float ai = a[ab + i];
                    if (ai != 0f) {
                        int wi = i * out;
                        for (int j = 0; j < out; j++) {
                            gw[wi + j] += ai * delta[db + j];
                        }
                    }
                }
            }
        }

        /** The deltas of layer {@code l}'s inputs: back through its weights and the hidden nonlinearity. */
        private void backpropagate(Mlp mlp, int l, int in, int out, int n, float[] t) {
            float[] a = acts[l];
            float[] delta = deltas[l + 1];
            float[] prev = deltas[l];
            boolean relu = mlp.activation() == Mlp.Activation.RELU;
            for (int b = 0; b < n; b++) {
                int pb = b * in;
                Arrays.fill(prev, pb, pb + in, 0f);
                int db = b * out;
                for (int j = 0; j < out; j++) {
                    float dj = delta[db + j];
                    if (dj != 0f) {
                        int tj = j * in;
                        for (int i = 0; i < in; i++) {
                            prev[pb + i] += dj * t[tj + i];
                        }
                    }
                }
                // Through the hidden nonlinearity, using its output: ReLU' = [y > 0], sigmoid' = y (1 - y).
                for (int i = 0; i < in; i++) {
                    float y = a[pb + i];
                    prev[pb + i] *= relu ? (y > 0f ? 1f : 0f) : y * (1f - y);
                }
            }
        }
    }
}
