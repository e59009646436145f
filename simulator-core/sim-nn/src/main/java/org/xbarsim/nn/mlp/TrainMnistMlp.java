package org.xbarsim.nn.mlp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.xbarsim.nn.data.Mnist;

/**
 * Trains the MLP shipped in {@code scenarios/models/mnist-mlp} on MNIST and saves it:
 *
 * <pre>
 * mvn -B -ntp -q install -DskipTests -pl simulator-core/sim-nn -am
 * java -cp simulator-core/sim-nn/target/classes:simulator-core/sim-api/target/classes \
 *     org.xbarsim.nn.mlp.TrainMnistMlp --out scenarios/models/mnist-mlp
 * </pre>
 *
 * Options: {@code --out DIR} (required), {@code --data DIR} (default {@link Mnist#defaultDataDir()}),
 * {@code --epochs N}, {@code --seed N}, {@code --threads N} (default 2; does not change the result),
 * {@code --activation relu|sigmoid}, {@code --sizes 784,250,125,10}.
 */
public final class TrainMnistMlp {
    private TrainMnistMlp() {
    }

    public static void main(String[] args) throws IOException {
        Path out = null;
        Path data = Mnist.defaultDataDir();
        MlpTrainer.Config config = MlpTrainer.Config.defaults();
        int threads = 2;
        Mlp.Activation activation = Mlp.Activation.RELU;
        int[] sizes = {784, 250, 125, 10};
        for (int i = 0; i < args.length; i++) {
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--out" -> out = Path.of(v);
                case "--data" -> data = Path.of(v);
                case "--epochs" -> config = config.withEpochs(Integer.parseInt(v));
                case "--seed" -> config = config.withSeed(Long.parseLong(v));
                case "--lr" -> config = config.withLearningRate(Double.parseDouble(v));
                case "--threads" -> threads = Integer.parseInt(v);
                case "--activation" -> activation = Mlp.Activation.of(v);
                case "--sizes" -> sizes = java.util.Arrays.stream(v.split(",")).mapToInt(Integer::parseInt).toArray();
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
            i++;
        }
        if (out == null) {
            throw new IllegalArgumentException("expected --out DIR");
        }
        Mnist mnist = Mnist.load(data, true);
        Mlp mlp = Mlp.initialized(sizes, activation, config.seed());
        MlpTrainer trainer = new MlpTrainer(config, threads);
        long t0 = System.nanoTime();
        trainer.train(mlp, mnist.train(), (epoch, loss, acc) -> System.out.printf(Locale.ROOT,
                "epoch %2d  loss %.4f  train %.2f%%  test %.2f%%  %.1f s%n", epoch, loss, 100 * acc,
                100 * mlp.accuracy(mnist.test()), (System.nanoTime() - t0) / 1e9));
        double seconds = (System.nanoTime() - t0) / 1e9;
        double test = mlp.accuracy(mnist.test());
        Mlp.Provenance p = mlp.provenance();
        mlp.setProvenance(new Mlp.Provenance(p.seed(), p.epochs(), test, p.training()));
        mlp.save(out);
        System.out.printf(Locale.ROOT, "test accuracy %.2f%% (%d of %d), training wall %.1f s on %d threads; saved %s%n",
                100 * test, Math.round(test * mnist.test().count()), mnist.test().count(), seconds, threads, out);
    }
}
