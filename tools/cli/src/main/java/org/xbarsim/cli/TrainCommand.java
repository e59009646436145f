package org.xbarsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.xbarsim.api.io.InputError;
import org.xbarsim.engine.output.AtomicFiles;
import org.xbarsim.engine.output.ResultClaim;
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
        + "as .npy files for a workload.", subcommands = {TrainCommand.MlpCommand.class, TrainCommand.LstmCommand.class})
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
            try (ResultClaim claim = ResultClaim.beside(this.out, "--out")) {
                return train();
            }
        }

        private Integer train() {
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
            AtomicFiles.replaceDirectory(this.out, mlp::save);
            out.printf(Locale.ROOT, "test accuracy %.2f%% on %,d images; saved %s%n", 100 * test,
                    mnist.test().count(), this.out);
            out.flush();
            return 0;
        }
    }

    /** {@code xbarsim train lstm}: the character LSTM of {@code workload.impl: char-lstm}. */
    @Command(name = "lstm", description = "Train the character-level LSTM language model on a text (its first 90%).")
    static final class LstmCommand implements Callable<Integer> {
        @Option(names = "--text", required = true, paramLabel = "FILE", description = "The text, e.g. "
                + "scenarios/data/jargon-4.4.7-excerpt.txt; the last 10% is held out.")
        Path text;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to save the model.")
        Path out;

        @Option(names = "--force", description = "Overwrite a model in DIR.")
        boolean force;

        @Option(names = "--hidden", paramLabel = "N", description = "LSTM cells (default 128).")
        int hidden = 128;

        @Option(names = "--epochs", paramLabel = "N", description = "Epochs (default: the shipped model's).")
        Integer epochs;

        @Option(names = "--seed", paramLabel = "N", description = "Seed of initialisation and batch order (default 1).")
        Long seed;

        @Option(names = "--threads", paramLabel = "N", description = "Threads (default 2); the result does not depend on it.")
        int threads = 2;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            try (ResultClaim claim = ResultClaim.beside(this.out, "--out")) {
                return train();
            }
        }

        private Integer train() {
            PrintWriter out = spec.commandLine().getOut();
            refuseToOverwrite(this.out, force);
            if (hidden < 1 || hidden > 4096) {
                throw new InputError("--hidden", "", "expected 1..4096 cells, got " + hidden);
            }
            org.xbarsim.nn.text.CharCorpus corpus;
            try {
                corpus = org.xbarsim.nn.text.CharCorpus.load(text);
            } catch (IllegalArgumentException e) {
                throw new InputError(text.toString(), "", e.getMessage());
            }
            org.xbarsim.nn.lstm.LstmTrainer.Settings d = org.xbarsim.nn.lstm.LstmTrainer.Settings.defaults();
            org.xbarsim.nn.lstm.LstmTrainer.Settings settings = new org.xbarsim.nn.lstm.LstmTrainer.Settings(
                    d.sequenceLength(), d.batchSize(), d.shards(), epochs != null ? epochs : d.epochs(),
                    d.learningRate(), d.learningRateDecay(), d.clipNorm(), seed != null ? seed : d.seed(), threads);
            int[] train = corpus.trainIds();
            int[] heldOut = corpus.heldOutIds();
            org.xbarsim.nn.lstm.CharLstm model = org.xbarsim.nn.lstm.LstmTrainer.newModel(corpus.vocabulary(), hidden,
                    settings.seed());
            long t0 = System.nanoTime();
            org.xbarsim.nn.lstm.LstmTrainer made;
            try {
                made = new org.xbarsim.nn.lstm.LstmTrainer(model, train, settings);
            } catch (IllegalArgumentException e) {
                throw new InputError(text.toString(), "", e.getMessage()); // a text too short for a batch, say
            }
            try (org.xbarsim.nn.lstm.LstmTrainer trainer = made) {
                trainer.train((epoch, step, steps, bits) -> {
                    if (step + 1 == steps) {
                        out.printf(Locale.ROOT, "epoch %2d  last batch %.3f bits/char  held-out %.4f  %.0f s%n",
                                epoch + 1, bits, model.bitsPerChar(heldOut), (System.nanoTime() - t0) / 1e9);
                        out.flush();
                    }
                });
            }
            double heldOutBits = model.bitsPerChar(heldOut);
            java.util.Map<String, String> info = new java.util.LinkedHashMap<>();
            info.put("trainer", "xbarsim train lstm");
            info.put("data", text.getFileName().toString());
            info.put("seed", Long.toString(settings.seed()));
            info.put("epochs", Integer.toString(settings.epochs()));
            info.put("trainChars", Integer.toString(train.length));
            info.put("heldOutChars", Integer.toString(heldOut.length));
            info.put("trainBitsPerChar", Double.toString(model.bitsPerChar(train)));
            info.put("heldOutBitsPerChar", Double.toString(heldOutBits));
            AtomicFiles.replaceDirectory(this.out, dir -> model.save(dir, info));
            out.printf(Locale.ROOT, "held-out %.4f bits/char (vocabulary %d, %,d parameters); saved %s%n", heldOutBits,
                    corpus.vocabSize(), model.parameterCount(), this.out);
            out.flush();
            return 0;
        }
    }
}
