package org.xbarsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.xbarsim.cli.options.MnistOptions;
import org.xbarsim.cli.options.TrainOptions;
import org.xbarsim.engine.output.ResultClaim;
import org.xbarsim.nn.cnn.MnistCnn;
import org.xbarsim.nn.data.Mnist;
import org.xbarsim.nn.net.Network;
import org.xbarsim.nn.net.train.NetworkTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code xbarsim train cnn}: the LeNet-5-like MNIST network of {@code scenarios/models/mnist-cnn}. */
@Command(name = "cnn", description = "Train the LeNet-5-like MNIST CNN; saves lenet5.net (its description) and "
        + "lenet5.npz (a PyTorch state_dict).")
final class TrainCnnCommand implements Callable<Integer> {
    @Mixin
    TrainOptions train;

    @Mixin
    MnistOptions mnist;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        try (ResultClaim claim = train.claim()) {
            return trainClaimed();
        }
    }

    private Integer trainClaimed() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        train.check(MnistCnn.WEIGHTS_FILE);
        NetworkTrainer.Config config = NetworkTrainer.Config.defaults();
        config = train.epochs != null ? config.withEpochs(train.epochs) : config;
        config = train.seed != null ? config.withSeed(train.seed) : config;
        Mnist data = mnist.load();
        long t0 = System.nanoTime();
        Network net = MnistCnn.train(config, train.threads, data.train(), (epoch, loss, accuracy) -> {
            o.printf(Locale.ROOT, "epoch %2d  loss %.4f  train %.2f%%  %.1f s%n", epoch, loss, 100 * accuracy,
                    (System.nanoTime() - t0) / 1e9);
            o.flush();
        });
        double test = MnistCnn.accuracy(net, data.test());
        train.save(dir -> MnistCnn.save(net, dir));
        o.printf(Locale.ROOT, "test accuracy %.2f%% on %,d images (%s); saved %s%n", 100 * test, data.test().count(),
                config.describe(), train.out);
        o.flush();
        return 0;
    }
}
