package org.xbarsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.xbarsim.api.io.InputError;
import org.xbarsim.cli.options.TrainOptions;
import org.xbarsim.engine.output.ResultClaim;
import org.xbarsim.nn.lstm.CharLstm;
import org.xbarsim.nn.lstm.LstmTrainer;
import org.xbarsim.nn.lstm.TrainCharLstm;
import org.xbarsim.nn.text.CharCorpus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code xbarsim train lstm}: the character LSTM of {@code workload.impl: char-lstm}. */
@Command(name = "lstm", description = "Train the character-level LSTM language model on a text (its first 90%%).")
final class TrainLstmCommand implements Callable<Integer> {
    @Option(names = "--text", required = true, paramLabel = "FILE", description = "The text, e.g. "
            + "scenarios/data/jargon-4.4.7-excerpt.txt; the last 10%% is held out.")
    Path text;

    @Mixin
    TrainOptions train;

    @Option(names = "--hidden", paramLabel = "N", description = "LSTM cells (default 128).")
    int hidden = 128;

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
        if (hidden < 1 || hidden > 4096) {
            throw new InputError("--hidden", "", "expected 1..4096 cells, got " + hidden);
        }
        CharCorpus corpus;
        try {
            corpus = CharCorpus.load(text);
        } catch (IllegalArgumentException e) {
            throw new InputError(text.toString(), "", e.getMessage());
        }
        LstmTrainer.Settings d = LstmTrainer.Settings.defaults();
        LstmTrainer.Settings settings = new LstmTrainer.Settings(d.sequenceLength(), d.batchSize(), d.shards(),
                train.epochs != null ? train.epochs : d.epochs(), d.learningRate(), d.learningRateDecay(),
                d.clipNorm(), train.seed != null ? train.seed : d.seed(), train.threads);
        int[] heldOut = corpus.heldOutIds();
        CharLstm model = LstmTrainer.newModel(corpus.vocabulary(), hidden, settings.seed());
        long t0 = System.nanoTime();
        LstmTrainer made;
        try {
            made = new LstmTrainer(model, corpus.trainIds(), settings);
        } catch (IllegalArgumentException e) {
            throw new InputError(text.toString(), "", e.getMessage()); // a text too short for a batch, say
        }
        try (LstmTrainer trainer = made) {
            trainer.train((epoch, step, steps, bits) -> {
                if (step + 1 == steps) {
                    out.printf(Locale.ROOT, "epoch %2d  last batch %.3f bits/char  held-out %.4f  %.0f s%n",
                            epoch + 1, bits, model.bitsPerChar(heldOut), (System.nanoTime() - t0) / 1e9);
                    out.flush();
                }
            });
        }
        double heldOutBits = model.bitsPerChar(heldOut);
        Map<String, String> info = TrainCharLstm.provenance("xbarsim train lstm", text, corpus, settings,
                model.bitsPerChar(corpus.trainIds()), heldOutBits);
        train.save(dir -> model.save(dir, info));
        out.printf(Locale.ROOT, "held-out %.4f bits/char (vocabulary %d, %,d parameters); saved %s%n", heldOutBits,
                corpus.vocabSize(), model.parameterCount(), train.out);
        out.flush();
        return 0;
    }
}
