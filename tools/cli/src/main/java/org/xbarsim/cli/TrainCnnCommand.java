package org.xbarsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.xbarsim.api.io.InputError;
import org.xbarsim.nn.cnn.MnistCnn;
import org.xbarsim.nn.data.Mnist;
import org.xbarsim.nn.net.Network;
import org.xbarsim.nn.net.train.NetworkTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code xbarsim train cnn}: the LeNet-5-like MNIST network of {@code scenarios/models/mnist-cnn}. */
@Command(name = "cnn", description = "Train the LeNet-5-like MNIST CNN; saves lenet5.net (its description) and "
        + "lenet5.npz (a PyTorch state_dict).")
final class TrainCnnCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to save the model.")
    Path out;

    @Option(names = "--force", description = "Overwrite a model in DIR.")
    boolean force;

    @Option(names = "--data", paramLabel = "DIR", description = "MNIST cache (fetched there if missing); "
            + "default $XBARSIM_DATA, else ~/.cache/xbarsim.")
    Path data;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs (default: the shipped model's).")
    Integer epochs;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of initialisation and shuffling (default 1).")
    Long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default 2); the result does not depend on it.")
    int threads = 2;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        if (Files.exists(out.resolve(MnistCnn.WEIGHTS_FILE)) && !force) {
            throw new InputError("--out", "", out + " already holds a model (" + MnistCnn.WEIGHTS_FILE + "); pass --force "
                    + "to overwrite it or --out for another directory");
        }
        if (threads < 1 || epochs != null && epochs < 1) {
            throw new InputError(threads < 1 ? "--threads" : "--epochs", "", "expected a positive number");
        }
        NetworkTrainer.Config config = NetworkTrainer.Config.defaults();
        if (epochs != null) {
            config = config.withEpochs(epochs);
        }
        if (seed != null) {
            config = config.withSeed(seed);
        }
        Mnist mnist = Mnist.load(data != null ? data : Mnist.defaultDataDir(), true);
        long t0 = System.nanoTime();
        Network net = MnistCnn.train(config, threads, mnist.train(), (epoch, loss, accuracy) -> {
            o.printf(Locale.ROOT, "epoch %2d  loss %.4f  train %.2f%%  %.1f s%n", epoch, loss, 100 * accuracy,
                    (System.nanoTime() - t0) / 1e9);
            o.flush();
        });
        double test = MnistCnn.accuracy(net, mnist.test());
        MnistCnn.save(net, out);
        o.printf(Locale.ROOT, "test accuracy %.2f%% on %,d images (%s); saved %s%n", 100 * test, mnist.test().count(),
                config.describe(), out);
        o.flush();
        return 0;
    }
}
