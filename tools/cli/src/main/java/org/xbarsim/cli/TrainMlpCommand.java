package org.xbarsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.xbarsim.api.io.InputError;
import org.xbarsim.cli.options.MnistOptions;
import org.xbarsim.cli.options.TrainOptions;
import org.xbarsim.engine.output.ResultClaim;
import org.xbarsim.nn.data.Mnist;
import org.xbarsim.nn.mlp.Mlp;
import org.xbarsim.nn.mlp.MlpTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code xbarsim train mlp}: the MNIST multi-layer perceptron of {@code workload.impl: mnist-mlp}. */
@Command(name = "mlp", description = "Train the MNIST multi-layer perceptron.")
final class TrainMlpCommand implements Callable<Integer> {
    @Mixin
    TrainOptions train;

    @Mixin
    MnistOptions mnist;

    @Option(names = "--sizes", paramLabel = "N,N,...", split = ",", description = "Layer sizes "
            + "(default 784,250,125,10).")
    int[] sizes = {784, 250, 125, 10};

    @Option(names = "--activation", paramLabel = "relu|sigmoid", description = "Hidden activation (default relu).")
    String activation = "relu";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        try (ResultClaim claim = train.claim()) {
            return trainClaimed();
        }
    }

    private Integer trainClaimed() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        train.check("model.properties");
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
        config = train.epochs != null ? config.withEpochs(train.epochs) : config;
        config = train.seed != null ? config.withSeed(train.seed) : config;
        Mnist data = mnist.load();
        Mlp mlp = Mlp.initialized(sizes, act, config.seed());
        long t0 = System.nanoTime();
        new MlpTrainer(config, train.threads).train(mlp, data.train(), (epoch, loss, accuracy) -> {
            out.printf(Locale.ROOT, "epoch %2d  loss %.4f  train %.2f%%  %.1f s%n", epoch, loss, 100 * accuracy,
                    (System.nanoTime() - t0) / 1e9);
            out.flush();
        });
        double test = mlp.accuracy(data.test());
        Mlp.Provenance p = mlp.provenance();
        mlp.setProvenance(new Mlp.Provenance(p.seed(), p.epochs(), test, p.training()));
        train.save(mlp::save);
        out.printf(Locale.ROOT, "test accuracy %.2f%% on %,d images; saved %s%n", 100 * test, data.test().count(),
                train.out);
        out.flush();
        return 0;
    }
}
