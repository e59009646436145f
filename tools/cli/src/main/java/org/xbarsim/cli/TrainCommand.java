package org.xbarsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.xbarsim.api.io.InputError;
import org.xbarsim.nn.data.Mnist;
import org.xbarsim.nn.mlp.Mlp;
import org.xbarsim.nn.mlp.MlpTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code xbarsim train}: trains the networks the DNN workloads ship, deterministically from a seed,
 * so anyone can rebuild {@code scenarios/models/} bit for bit.
 */
@Command(name = "train", description = "Train a network in floating point (deterministic, seeded) and save it "
        + "as .npy files for a workload.", subcommands = {TrainCommand.MlpCommand.class})
final class TrainCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static void refuseToOverwrite(Path out, boolean force) {
        if (Files.exists(out.resolve("model.properties")) && !force) {
            throw new InputError("--out", "", out + " already holds a model (model.properties); pass --force to "
                    + "overwrite it or --out for another directory");
        }
    }

    /** {@code xbarsim train mlp}: the MNIST multi-layer perceptron of {@code workload.impl: mnist-mlp}. */
    @Command(name = "mlp", description = "Train the MNIST multi-layer perceptron.")
    static final class MlpCommand implements Callable<Integer> {
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to save the model.")
        Path out;

        @Option(names = "--force", description = "Overwrite a model in DIR.")
        boolean force;

        @Option(names = "--data", paramLabel = "DIR", description = "MNIST cache (fetched there if missing); "
                + "default $XBARSIM_DATA, else ~/.cache/xbarsim.")
        Path data;

        @Option(names = "--sizes", paramLabel = "N,N,...", split = ",", description = "Layer sizes "
                + "(default 784,250,125,10).")
        int[] sizes = {784, 250, 125, 10};

        @Option(names = "--activation", paramLabel = "relu|sigmoid", description = "Hidden activation (default relu).")
        String activation = "relu";

        @Option(names = "--epochs", paramLabel = "N", description = "Epochs (default 20).")
        Integer epochs;

        @Option(names = "--seed", paramLabel = "N", description = "Seed of initialisation and shuffling (default 1).")
        Long seed;

        @Option(names = "--threads", paramLabel = "N", description = "Threads (default 2); the result does not depend on it.")
        int threads = 2;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            refuseToOverwrite(this.out, force);
            if (sizes.length < 2 || sizes[0] != 784 || sizes[sizes.length - 1] != 10
                    || Arrays.stream(sizes).anyMatch(n -> n < 1)) {
                throw new InputError("--sizes", "", "expected positive layer sizes from 784 inputs to 10 classes, got "
                        + Arrays.toString(sizes));
            }
            Mlp.Activation act;
            try {
                act = Mlp.Activation.of(activation);
            } catch (IllegalArgumentException e) {
                throw new InputError("--activation", "", e.getMessage());
            }
            MlpTrainer.Config config = MlpTrainer.Config.defaults();
            if (epochs != null) {
                config = config.withEpochs(epochs);
            }
            if (seed != null) {
                config = config.withSeed(seed);
            }
            Mnist mnist = Mnist.load(data != null ? data : Mnist.defaultDataDir(), true);
            Mlp mlp = Mlp.initialized(sizes, act, config.seed());
            long t0 = System.nanoTime();
            new MlpTrainer(config, threads).train(mlp, mnist.train(), (epoch, loss, accuracy) -> {
                out.printf(Locale.ROOT, "epoch %2d  loss %.4f  train %.2f%%  %.1f s%n", epoch, loss, 100 * accuracy,
                        (System.nanoTime() - t0) / 1e9);
                out.flush();
            });
            double test = mlp.accuracy(mnist.test());
            Mlp.Provenance p = mlp.provenance();
            mlp.setProvenance(new Mlp.Provenance(p.seed(), p.epochs(), test, p.training()));
            mlp.save(this.out);
            out.printf(Locale.ROOT, "test accuracy %.2f%% on %,d images; saved %s%n", 100 * test,
                    mnist.test().count(), this.out);
            out.flush();
            return 0;
        }
    }
}
