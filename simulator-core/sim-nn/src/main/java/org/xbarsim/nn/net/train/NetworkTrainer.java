package org.xbarsim.nn.net.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import org.xbarsim.api.random.RandomStream;
import org.xbarsim.api.random.RandomStreams;
import org.xbarsim.nn.data.Dataset;
import org.xbarsim.nn.net.Conv2d;
import org.xbarsim.nn.net.Layer;
import org.xbarsim.nn.net.Linear;
import org.xbarsim.nn.net.Network;

/**
 * Mini-batch SGD with momentum on softmax cross-entropy for a sequence of conv2d, linear, relu,
 * pooling and flatten layers, with L2 weight decay on the weights and a cosine learning rate (per
 * step, from the configured rate to zero), as {@code MlpTrainer} trains the MLP. Updates the
 * network's weight arrays in place.
 *
 * <p>Deterministic: initialisation and shuffling draw from named streams of the seed
 * ({@code net/init/<layer>}, {@code net/shuffle/epoch<e>}); each batch is cut into a fixed number of
 * shards whose gradients are summed in shard order, so the weights are the same bits on any number
 * of threads. Threads only decide how many shards run at once.
 */
public final class NetworkTrainer {
    /**
     * @param epochs       passes over the training set
     * @param batchSize    samples per step
     * @param learningRate first-step rate of the cosine schedule
     * @param momentum     v = momentum v + g; w -= rate v
     * @param weightDecay  L2 coefficient on weights (not biases)
     * @param shards       fixed pieces of each batch (set it to the largest thread count you use)
     * @param seed         initialisation and shuffling
     */
    public record Config(int epochs, int batchSize, double learningRate, double momentum, double weightDecay,
                         int shards, long seed) {
        public Config {
            if (epochs < 0 || batchSize < 1 || shards < 1 || !(learningRate > 0) || momentum < 0 || momentum >= 1
                    || weightDecay < 0) {
                throw new IllegalArgumentException("expected epochs >= 0, batchSize > 0, shards > 0, learningRate > 0,"
                        + " 0 <= momentum < 1, weightDecay >= 0; got " + this);
            }
        }

        /** The settings of the shipped MNIST CNN (scenarios/models/mnist-cnn). */
        public static Config defaults() {
            return new Config(12, 64, 0.03, 0.9, 1e-4, 2, 1);
        }

        public Config withEpochs(int e) {
            return new Config(e, batchSize, learningRate, momentum, weightDecay, shards, seed);
        }

        public Config withSeed(long s) {
            return new Config(epochs, batchSize, learningRate, momentum, weightDecay, shards, s);
        }

        /** One line for a model's README or properties. */
        public String describe() {
            return String.format(Locale.ROOT, "SGD momentum %s, batch %d, learning rate %s cosine to 0 per step, "
                    + "weight decay %s, %d epochs, %d shards, seed %d", momentum, batchSize, learningRate, weightDecay,
                    epochs, shards, seed);
        }
    }

    /** Called after each epoch with its mean training loss and accuracy, measured on the fly. */
    @FunctionalInterface
    public interface Progress {
        void epoch(int epoch, double loss, double accuracy);
    }

    private final Config config;
    private final int threads;

    public NetworkTrainer(Config config, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("expected threads > 0, got " + threads);
        }
        this.config = config;
        this.threads = threads;
    }

    /**
     * Random weights, in place: normal with sd sqrt(2 / fan-in) for layers followed by more layers
     * (He et al. 2015, for ReLU) and sqrt(1 / fan-in) for the last (Glorot); biases zero. Layer
     * {@code name} draws from {@code net/init/<name>}.
     */
    public static void initialize(Network net, long seed) {
        RandomStreams streams = new RandomStreams(seed);
        List<Network.Node> nodes = net.nodes();
        int lastWeighted = -1;
        for (int i = 0; i < nodes.size(); i++) {
            if (!nodes.get(i).layer().matrices().isEmpty()) {
                lastWeighted = i;
            }
        }
        for (int i = 0; i < nodes.size(); i++) {
            Layer l = nodes.get(i).layer();
            float[] w;
            float[] b;
            int fanIn;
            if (l instanceof Linear lin) {
                w = lin.weights();
                b = lin.bias();
                fanIn = lin.inputs();
            } else if (l instanceof Conv2d conv) {
                w = conv.weights();
                b = conv.bias();
                fanIn = conv.patch();
            } else {
                continue;
            }
            double sd = Math.sqrt((i == lastWeighted ? 1.0 : 2.0) / fanIn);
            RandomStream r = streams.stream("net/init/" + l.name());
            for (int k = 0; k < w.length; k++) {
                w[k] = (float) (sd * r.nextGaussian());
            }
            if (b != null) {
                Arrays.fill(b, 0f);
            }
        }
    }

    /** Trains {@code net} in place from its current weights for the configured epochs. */
    public void train(Network net, Dataset data, Progress progress) {
        Pass.check(net);
        int features = Layer.size(net.inputShape());
        if (data.features() != features || data.count() == 0) {
            throw new IllegalArgumentException("expected a non-empty data set of " + features + " features, got "
                    + data.count() + " x " + data.features());
        }
        int batch = Math.min(config.batchSize(), data.count());
        int shardRows = (batch + config.shards() - 1) / config.shards();
        Pass[] shards = new Pass[config.shards()];
        for (int s = 0; s < shards.length; s++) {
            shards[s] = new Pass(net);
        }
        List<Network.Node> nodes = net.nodes();
        float[][] velocityW = new float[nodes.size()][];
        float[][] velocityB = new float[nodes.size()][];
        for (int i = 0; i < nodes.size(); i++) {
            velocityW[i] = shards[0].gradW[i] == null ? null : new float[shards[0].gradW[i].length];
            velocityB[i] = shards[0].gradB[i] == null ? null : new float[shards[0].gradB[i].length];
        }
        int[] order = new int[data.count()];
        Arrays.setAll(order, i -> i);
        RandomStreams streams = new RandomStreams(config.seed());
        long totalSteps = (long) ((data.count() + batch - 1) / batch) * config.epochs();
        long step = 0;
        ExecutorService pool = Shards.pool(threads, shards.length, "net-trainer");
        try {
            for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                Shards.shuffle(order, streams.stream("net/shuffle/epoch" + epoch));
                double loss = 0;
                long correct = 0;
                for (int from = 0; from < order.length; from += batch) {
                    int rows = Math.min(batch, order.length - from);
                    Shards.runAll(pool, shardTasks(shards, shardRows, data, order, from, rows));
                    for (Pass p : shards) {
                        loss += p.loss;
                        correct += p.correct;
                    }
                    double rate = config.learningRate() * 0.5 * (1 + StrictMath.cos(Math.PI * step / totalSteps));
                    update(net, shards, velocityW, velocityB, (float) rate);
                    step++;
                }
                if (progress != null) {
                    progress.epoch(epoch, loss / data.count(), (double) correct / data.count());
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    /**
     * One batch's shard computations: shard s takes rows [s shardRows, (s + 1) shardRows) of the
     * batch {@code order[from .. from + rows)}, fixed boundaries whatever the thread count.
     */
    private static List<Callable<Void>> shardTasks(Pass[] shards, int shardRows, Dataset data, int[] order, int from,
                                                   int rows) {
        int features = data.features();
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int s = 0; s < shards.length; s++) {
            int lo = Math.min(rows, s * shardRows);
            int n = Math.min(rows, lo + shardRows) - lo;
            float[] x = new float[n * features];
            int[] labels = new int[n];
            for (int b = 0; b < n; b++) {
                int sample = order[from + lo + b];
                System.arraycopy(data.x(), sample * features, x, b * features, features);
                labels[b] = data.label(sample);
            }
            Pass shard = shards[s];
            tasks.add(() -> {
                shard.run(x, labels, n, rows);
                return null;
            });
        }
        return tasks;
    }

    /** Sums the shards' gradients in shard order, then one momentum step (coupled L2 on weights). */
    private void update(Network net, Pass[] shards, float[][] velocityW, float[][] velocityB, float rate) {
        float mu = (float) config.momentum();
        float decay = (float) config.weightDecay();
        List<Network.Node> nodes = net.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            if (velocityW[i] == null) {
                continue;
            }
            Layer l = nodes.get(i).layer();
            float[] w = l instanceof Linear lin ? lin.weights() : ((Conv2d) l).weights();
            float[] b = l instanceof Linear lin ? lin.bias() : ((Conv2d) l).bias();
            step(w, velocityW[i], sum(shards, i, true), mu, decay, rate);
            if (b != null) {
                step(b, velocityB[i], sum(shards, i, false), mu, 0f, rate);
            }
        }
    }

    private static float[] sum(Pass[] shards, int layer, boolean weights) {
        float[] g = weights ? shards[0].gradW[layer] : shards[0].gradB[layer];
        for (int s = 1; s < shards.length; s++) {
            float[] gs = weights ? shards[s].gradW[layer] : shards[s].gradB[layer];
            for (int k = 0; k < g.length; k++) {
                g[k] += gs[k];
            }
        }
        return g;
    }

    private static void step(float[] w, float[] v, float[] g, float mu, float decay, float rate) {
        for (int k = 0; k < w.length; k++) {
            v[k] = mu * v[k] + (g[k] + decay * w[k]);
            w[k] -= rate * v[k];
        }
    }


}
