package org.xbarsim.nn.lstm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.xbarsim.api.random.RandomStream;
import org.xbarsim.api.random.RandomStreams;

/**
 * Trains a {@link CharLstm} on a text: truncated backpropagation through time over mini-batches
 * of parallel sequences, Adam, and clipping of the global gradient norm.
 *
 * <p>The training text is cut into {@code batchSize} contiguous streams, one per sequence of the
 * mini-batch; each step advances every stream by {@code sequenceLength} characters and the LSTM state
 * is carried along each stream from step to step (the gradient is truncated at the window). Each
 * epoch starts the streams at a seeded random offset in [0, sequenceLength), so window boundaries
 * move from epoch to epoch, and assigns the streams to batch rows in a seeded random order.
 *
 * <p>Deterministic: the weights after any number of steps are the same bits for the same model,
 * text, settings and seed, whatever the number of threads. The mini-batch is split into a fixed
 * number of shards ({@code shards}, part of the settings, not of the machine); each shard computes
 * its gradient into its own buffers, on whichever thread, and the shard gradients are summed in shard
 * order.
 */
public final class LstmTrainer implements AutoCloseable {
    /**
     * Training settings.
     *
     * @param sequenceLength    characters per window of truncated BPTT
     * @param batchSize         parallel sequences per mini-batch
     * @param shards            pieces the mini-batch is split into for threads; divides batchSize.
     *                          Changes the summation order, so it is part of what a result depends on
     * @param epochs            passes over the training text in {@link #train}
     * @param learningRate      Adam step size in the first epoch
     * @param learningRateDecay factor on the step size after each epoch
     * @param clipNorm          the gradient is scaled down to this global L2 norm if larger
     * @param seed              seeds the batch order (stream {@code char-lstm/order}); models made by
     *                          {@link #newModel} are initialised from stream {@code char-lstm/init}
     * @param threads           threads for the shards; does not change results
     */
    public record Settings(int sequenceLength, int batchSize, int shards, int epochs, double learningRate,
                           double learningRateDecay, double clipNorm, long seed, int threads) {
        public Settings {
            // Messages name the arguments: in a compact constructor the fields are not yet assigned.
            if (sequenceLength < 1 || batchSize < 1 || shards < 1 || epochs < 0 || threads < 1) {
                throw new IllegalArgumentException(String.format(
                        "sequenceLength %d, batchSize %d, shards %d, threads %d must be positive, epochs %d not negative",
                        sequenceLength, batchSize, shards, threads, epochs));
            }
            if (batchSize % shards != 0) {
                throw new IllegalArgumentException("shards (" + shards + ") must divide batchSize (" + batchSize + ")");
            }
            if (!(learningRate > 0) || !(learningRateDecay > 0) || !(clipNorm > 0)) {
                throw new IllegalArgumentException("learningRate " + learningRate + ", learningRateDecay "
                        + learningRateDecay + " and clipNorm " + clipNorm + " must be positive");
            }
        }

        /** The settings of the shipped model (scenarios/models/char-lstm). */
        public static Settings defaults() {
            return new Settings(64, 32, 2, 18, 1e-2, 0.9, 5.0, 1, 2);
        }

        public Settings withEpochs(int n) {
            return new Settings(sequenceLength, batchSize, shards, n, learningRate, learningRateDecay, clipNorm,
                    seed, threads);
        }

        public Settings withThreads(int n) {
            return new Settings(sequenceLength, batchSize, shards, epochs, learningRate, learningRateDecay, clipNorm,
                    seed, n);
        }
    }

    /** Told after every step. */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param epoch         0-based epoch
         * @param step          0-based step within the epoch
         * @param stepsPerEpoch steps in an epoch
         * @param bitsPerChar   mean cross-entropy of the step's mini-batch, in bits, before the update
         */
        void step(int epoch, int step, int stepsPerEpoch, double bitsPerChar);
    }

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;
    private static final double LN2 = StrictMath.log(2);

    private final CharLstm model;
    private final int[] text;
    private final Settings settings;
    private final int streamLength;
    private final int stepsPerEpoch;
    private final Bptt[] shards;
    private final int[][] shardInputs;
    private final int[][] shardTargets;
    private final double[][] params;
    private final double[][] grads;
    private final double[][] m;
    private final double[][] v;
    private final RandomStream order;
    private final int[] streamOfRow;
    private final ExecutorService pool;
    /** One task per shard, made once; each writes only its shard's buffers and its slot of losses. */
    private final List<Callable<Void>> tasks;
    private final double[] losses;
    private double gradScale;
    private int epoch;
    private int step;
    private int offset;
    private long adamSteps;

    /**
     * A trainer of {@code model} (updated in place) on {@code trainIds}.
     *
     * @throws IllegalArgumentException if the text is too short for one window per stream
     */
    public LstmTrainer(CharLstm model, int[] trainIds, Settings settings) {
        this.model = model;
        this.text = trainIds.clone();
        this.settings = settings;
        int t = settings.sequenceLength();
        int b = settings.batchSize();
        // Room for the largest epoch offset (t - 1) plus the one character of look-ahead.
        streamLength = (trainIds.length - 1 - t) / b;
        stepsPerEpoch = streamLength / t;
        if (stepsPerEpoch < 1) {
            throw new IllegalArgumentException("text of " + trainIds.length + " characters is too short for "
                    + b + " sequences of " + t);
        }
        for (int id : trainIds) {
            if (id < 0 || id >= model.vocabSize()) {
                throw new IllegalArgumentException("id " + id + " outside the vocabulary of " + model.vocabSize());
            }
        }
        int perShard = b / settings.shards();
        shards = new Bptt[settings.shards()];
        shardInputs = new int[settings.shards()][perShard * t];
        shardTargets = new int[settings.shards()][perShard * t];
        for (int s = 0; s < shards.length; s++) {
            shards[s] = new Bptt(model, perShard, t);
        }
        params = model.tensors();
        grads = new double[params.length][];
        m = new double[params.length][];
        v = new double[params.length][];
        for (int i = 0; i < params.length; i++) {
            grads[i] = new double[params[i].length];
            m[i] = new double[params[i].length];
            v[i] = new double[params[i].length];
        }
        order = new RandomStreams(settings.seed()).stream("char-lstm/order");
        streamOfRow = new int[b];
        losses = new double[shards.length];
        List<Callable<Void>> list = new ArrayList<>(shards.length);
        for (int s = 0; s < shards.length; s++) {
            int shard = s;
            list.add(() -> {
                losses[shard] = shards[shard].run(shardInputs[shard], shardTargets[shard], gradScale);
                return null;
            });
        }
        tasks = List.copyOf(list);
        int threads = Math.min(settings.threads(), settings.shards());
        pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
            Thread th = new Thread(r, "lstm-trainer");
            th.setDaemon(true);
            return th;
        }) : null;
        startEpoch();
    }

    /** A model initialised from a seed (its stream {@code char-lstm/init}); pass the settings' seed. */
    public static CharLstm newModel(String vocabulary, int hiddenSize, long seed) {
        return CharLstm.initialized(vocabulary, hiddenSize, new RandomStreams(seed).stream("char-lstm/init"));
    }

    /** The model being trained (updated in place). */
    public CharLstm model() {
        return model;
    }

    public int stepsPerEpoch() {
        return stepsPerEpoch;
    }

    /** Completed epochs. */
    public int epoch() {
        return epoch;
    }

    /** Runs {@code settings.epochs()} epochs from where the trainer stands. */
    public void train(Progress progress) {
        int end = epoch + settings.epochs();
        while (epoch < end) {
            int e = epoch;
            int s = step;
            double bits = step();
            if (progress != null) {
                progress.step(e, s, stepsPerEpoch, bits);
            }
        }
    }

    /**
     * One mini-batch: forward, backward, clip, Adam update.
     *
     * @return the mini-batch's mean cross-entropy in bits, before the update
     */
    public double step() {
        int t = settings.sequenceLength();
        int perShard = settings.batchSize() / settings.shards();
        for (int s = 0; s < shards.length; s++) {
            int[] in = shardInputs[s];
            int[] out = shardTargets[s];
            for (int b = 0; b < perShard; b++) {
                int start = offset + streamOfRow[s * perShard + b] * streamLength + step * t;
                for (int j = 0; j < t; j++) {
                    in[j * perShard + b] = text[start + j];
                    out[j * perShard + b] = text[start + j + 1];
                }
            }
        }
        gradScale = 1.0 / ((double) settings.batchSize() * t);
        runShards();
        double loss = 0;
        for (double l : losses) {
            loss += l;
        }
        // Fixed order: shard 0 first, whatever thread finished first.
        for (int i = 0; i < grads.length; i++) {
            System.arraycopy(shards[0].grads[i], 0, grads[i], 0, grads[i].length);
            for (int s = 1; s < shards.length; s++) {
                Vec.axpy(1, shards[s].grads[i], 0, grads[i], 0, grads[i].length);
            }
        }
        clip();
        adam();
        for (Bptt shard : shards) {
            shard.carryState();
        }
        if (++step == stepsPerEpoch) {
            epoch++;
            startEpoch();
        }
        return loss * gradScale / LN2;
    }

    private void runShards() {
        if (pool == null) {
            for (Callable<Void> task : tasks) {
                call(task);
            }
            return;
        }
        try {
            for (Future<Void> f : pool.invokeAll(tasks)) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a training shard failed", e.getCause());
        }
    }

    private static void call(Callable<Void> task) {
        try {
            task.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void startEpoch() {
        step = 0;
        offset = order.nextInt(settings.sequenceLength());
        // Fisher-Yates with the seeded stream: which stream each batch row reads this epoch.
        for (int i = 0; i < streamOfRow.length; i++) {
            streamOfRow[i] = i;
        }
        for (int i = streamOfRow.length - 1; i > 0; i--) {
            int j = order.nextInt(i + 1);
            int tmp = streamOfRow[i];
            streamOfRow[i] = streamOfRow[j];
            streamOfRow[j] = tmp;
        }
        for (Bptt shard : shards) {
            shard.resetState();
        }
    }

    /** Scales the gradient down to the clip norm: exploding gradients are the LSTM's known failure. */
    private void clip() {
        double sq = 0;
        for (double[] g : grads) {
            sq += Vec.dot(g, 0, g, 0, g.length);
        }
        double norm = Math.sqrt(sq);
        if (norm > settings.clipNorm()) {
            double f = settings.clipNorm() / norm;
            for (double[] g : grads) {
                for (int j = 0; j < g.length; j++) {
                    g[j] *= f;
                }
            }
        }
    }

    /** Adam (Kingma and Ba, ICLR 2015) with bias correction. */
    private void adam() {
        adamSteps++;
        double lr = settings.learningRate() * StrictMath.pow(settings.learningRateDecay(), epoch);
        double c1 = 1 - StrictMath.pow(BETA1, adamSteps);
        double c2 = 1 - StrictMath.pow(BETA2, adamSteps);
        double stepSize = lr / c1;
        for (int i = 0; i < params.length; i++) {
            double[] p = params[i];
            double[] g = grads[i];
            double[] mi = m[i];
            double[] vi = v[i];
            for (int j = 0; j < p.length; j++) {
                mi[j] = BETA1 * mi[j] + (1 - BETA1) * g[j];
                vi[j] = BETA2 * vi[j] + (1 - BETA2) * g[j] * g[j];
                p[j] -= stepSize * mi[j] / (Math.sqrt(vi[j] / c2) + EPSILON);
            }
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
