package org.xbarsim.nn.lstm;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.xbarsim.api.io.BoundedFiles;
import org.xbarsim.nn.text.CharCorpus;

/**
 * Trains the shipped character LSTM and saves it:
 * <pre>
 *   java -cp sim-api.jar:sim-nn.jar org.xbarsim.nn.lstm.TrainCharLstm TEXT OUT_DIR [hidden [epochs [threads]]]
 * </pre>
 * Defaults: 128 hidden units and {@link LstmTrainer.Settings#defaults()}. Prints progress, the
 * train and held-out bits per character, and writes the model with its settings and results in
 * {@code model.properties}. The wall time is printed, not saved, so that the same run writes the
 * same files.
 */
public final class TrainCharLstm {
    private TrainCharLstm() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: TrainCharLstm TEXT OUT_DIR [hidden [epochs [threads]]]");
            System.exit(2);
        }
        Path textFile = Path.of(args[0]);
        int hidden = args.length > 2 ? Integer.parseInt(args[2]) : 128;
        LstmTrainer.Settings settings = LstmTrainer.Settings.defaults();
        if (args.length > 3) {
            settings = settings.withEpochs(Integer.parseInt(args[3]));
        }
        if (args.length > 4) {
            settings = settings.withThreads(Integer.parseInt(args[4]));
        }
        CharCorpus corpus = CharCorpus.load(textFile);
        CharLstm model = LstmTrainer.newModel(corpus.vocabulary(), hidden, settings.seed());
        System.out.printf("vocab %d, hidden %d, %,d parameters, train %,d chars, held-out %,d chars, %s%n",
                corpus.vocabSize(), hidden, model.parameterCount(), corpus.trainIds().length,
                corpus.heldOutIds().length, settings);
        long start = System.nanoTime();
        train(model, corpus, settings, start);
        double trainBits = model.bitsPerChar(corpus.trainIds());
        double heldOutBits = model.bitsPerChar(corpus.heldOutIds());
        System.out.printf("trained in %.1f s; train %.4f bpc, held-out %.4f bpc (log2 vocab %.3f)%n",
                (System.nanoTime() - start) / 1e9, trainBits, heldOutBits,
                Math.log(corpus.vocabSize()) / Math.log(2));
        model.save(Path.of(args[1]), provenance(TrainCharLstm.class.getName(), textFile, corpus, settings, trainBits,
                heldOutBits));
        System.out.println("saved " + args[1]);
    }

    /** Trains {@code model} on the corpus's training part, printing progress every 50 steps. */
    private static void train(CharLstm model, CharCorpus corpus, LstmTrainer.Settings settings, long start) {
        int[] heldOut = corpus.heldOutIds();
        try (LstmTrainer trainer = new LstmTrainer(model, corpus.trainIds(), settings)) {
            double[] sum = new double[2];
            trainer.train((epoch, step, steps, bits) -> {
                sum[0] += bits;
                sum[1]++;
                if ((step + 1) % 50 == 0 || step + 1 == steps) {
                    System.out.printf("epoch %d step %d/%d  batch %.3f bpc  mean of the last %d %.3f  %.0f s%n",
                            epoch + 1, step + 1, steps, bits, (int) sum[1], sum[0] / sum[1],
                            (System.nanoTime() - start) / 1e9);
                    sum[0] = 0;
                    sum[1] = 0;
                }
                if (step + 1 == steps) {
                    System.out.printf("epoch %d held-out %.4f bpc%n", epoch + 1, model.bitsPerChar(heldOut));
                }
            });
        }
    }

    /**
     * What a trained model's model.properties records of how it was made: the trainer, the text (its
     * name and SHA-256), the split, every setting and the bits per character it reached.
     */
    public static Map<String, String> provenance(String trainer, Path textFile, CharCorpus corpus,
                                                 LstmTrainer.Settings settings, double trainBits, double heldOutBits)
            throws IOException {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("trainer", trainer);
        info.put("data", textFile.getFileName().toString());
        info.put("dataSha256", sha256(textFile));
        info.put("trainFraction", Double.toString(CharCorpus.DEFAULT_TRAIN_FRACTION));
        info.put("trainChars", Integer.toString(corpus.trainIds().length));
        info.put("heldOutChars", Integer.toString(corpus.heldOutIds().length));
        info.put("seed", Long.toString(settings.seed()));
        info.put("epochs", Integer.toString(settings.epochs()));
        info.put("sequenceLength", Integer.toString(settings.sequenceLength()));
        info.put("batchSize", Integer.toString(settings.batchSize()));
        info.put("shards", Integer.toString(settings.shards()));
        info.put("learningRate", Double.toString(settings.learningRate()));
        info.put("learningRateDecay", Double.toString(settings.learningRateDecay()));
        info.put("clipNorm", Double.toString(settings.clipNorm()));
        info.put("trainBitsPerChar", Double.toString(trainBits));
        info.put("heldOutBitsPerChar", Double.toString(heldOutBits));
        return info;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                    BoundedFiles.readAllBytes(file, CharCorpus.MAX_BYTES, "a UTF-8 text corpus")));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
