package org.xbarsim.plugins.lstm;

import static org.xbarsim.api.param.Quantity.PATH;

import java.nio.file.Path;
import java.util.List;
import org.pf4j.Extension;
import org.xbarsim.api.inference.AnalogLayer;
import org.xbarsim.api.inference.DigitalOps;
import org.xbarsim.api.inference.LayerWork;
import org.xbarsim.api.inference.InferenceContext;
import org.xbarsim.api.inference.InferenceResult;
import org.xbarsim.api.inference.InferenceWorkload;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.api.workload.WeightLayer;
import org.xbarsim.api.workload.WorkloadContext;
import org.xbarsim.api.io.NpzArchive;
import org.xbarsim.nn.lstm.CharLstm;
import org.xbarsim.nn.lstm.TorchLstm;
import org.xbarsim.nn.text.CharCorpus;

/**
 * A trained character-level LSTM language model. Three matrices are programmed, each on its own tiles
 * with its own scale: the input matrix [vocab][4 hidden] (the one-hot character selects a row), the
 * recurrent matrix [hidden][4 hidden] and the output matrix [hidden][vocab]. The input and recurrent
 * products are added digitally. Why not one [vocab + hidden][4 hidden] matrix, as some designs
 * concatenate: one scale for both would map the recurrent weights (largest 2.4) onto less than half of
 * the conductance range the input weights (largest 6.0) set, and their programming error, relative to
 * them, would double; measured: 2.73 against 2.56 bits per character instead of within 5%.
 * Gates, cell state, biases and softmax stay digital.
 *
 * <p>Evaluation: the held-out text is cut into {@code inference.batch} contiguous segments run in
 * parallel, each from the zero state; the floating-point model is scored on the same segments, so
 * the two bits-per-character figures differ only by the hardware.
 */
@Extension
public class CharLstmWorkload implements InferenceWorkload {
    @Override
    public String id() {
        return "char-lstm";
    }

    @Override
    public String description() {
        return "A character-level LSTM language model: input, recurrent and output matrices programmed into tiles, held-out "
                + "text scored in bits per character in floating point and through the analog tiles.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                new ParameterSpec("model", PATH, "models/char-lstm", 0, 0, List.of(),
                        "The trained model, relative to the scenario: a directory (.npy tensors and model.properties), "
                                + "or a PyTorch state_dict .npz (nn.LSTM, output nn.Linear, optional nn.Embedding) with "
                                + "a 'vocabulary' array of the characters' code points."),
                new ParameterSpec("text", PATH, "data/jargon-4.4.7-excerpt.txt", 0, 0, List.of(),
                        "The text the model was trained on; its last 10% is the held-out evaluation text."));
    }

    private static CharLstm model(WorkloadContext context) {
        Path dir = context.resolve("model");
        try {
            if (dir.getFileName() != null && dir.getFileName().toString().endsWith(".npz")) {
                return TorchLstm.fromStateDict(NpzArchive.read(dir));
            }
            return CharLstm.load(dir);
        } catch (InputError e) {
            throw e;
        } catch (RuntimeException e) {
            throw context.error("model", dir + ": " + e.getMessage());
        }
    }

    @Override
    public List<WeightLayer> layers(WorkloadContext context) {
        CharLstm m = model(context);
        int v = m.vocabSize();
        int h = m.hiddenSize();
        int g = 4 * h;
        return List.of(new WeightLayer("input", v, g, m.inputWeights().clone()),
                new WeightLayer("recurrent", h, g, m.recurrentWeights().clone()),
                new WeightLayer("output", h, v, m.outputWeights().clone()));
    }

    @Override
    public InferenceResult evaluate(InferenceContext context) {
        WorkloadContext wc = context.workload();
        CharLstm m = model(wc);
        Path file = wc.resolve("text");
        CharCorpus corpus;
        try {
            corpus = CharCorpus.load(file);
        } catch (IllegalArgumentException e) {
            throw wc.error("text", file + ": " + e.getMessage());
        }
        int[] ids = encode(wc, file, corpus, corpus.heldOutIds(), m);
        if (context.samples() > 0 && context.samples() + 1 < ids.length) {
            ids = java.util.Arrays.copyOf(ids, (int) context.samples() + 1);
        }
        int segments = Math.max(1, Math.min(context.batch(), ids.length / 2));
        int length = ids.length / segments;
        double software = 0;
        CharLstm.Runner runner = m.runner();
        for (int s = 0; s < segments; s++) {
            runner.reset();
            for (int t = 1; t < length; t++) {
                double[] p = runner.next(ids[s * length + t - 1]);
                software -= Math.log(p[ids[s * length + t]]);
            }
        }
        calibrate(context, m, encode(wc, file, corpus, corpus.trainIds(), m), segments);
        double analog = analogNats(context, m, ids, segments, length);
        long predictions = (long) segments * (length - 1);
        double ln2 = Math.log(2);
        return InferenceResult.languageModel(predictions, software / predictions / ln2, analog / predictions / ln2)
                .withLayers(work(m));
    }

    /** Per character: the LSTM cell (input and recurrent matrices), the output matrix, the softmax. */
    static List<LayerWork> work(CharLstm m) {
        long h = m.hiddenSize();
        long v = m.vocabSize();
        // Per cell: 4 gates x (input + recurrent + bias) additions and the cell's f c + i g; products
        // f c, i g, o tanh(c); 3 sigmoids and 2 tanh. The softmax: max, exp, sum, normalise.
        return List.of(new LayerWork("lstm", "lstm", List.of(0, 1), 1, new DigitalOps(9 * h, 3 * h, 0, 5 * h)),
                new LayerWork("output", "linear", List.of(2), 1, new DigitalOps(v, 0, 0, 0)),
                new LayerWork("softmax", "softmax", List.of(), 0, new DigitalOps(2 * v, v + 1, v, v)));
    }

    /**
     * Calibrates the three analog layers on the floating-point model's own inputs to them, at a few
     * steps (8, 32, 128, once the state has warmed up: a zero state at step 1 is unlike the rest) of
     * {@code segments} stretches of the training text, never the held-out text that is scored.
     */
    private static void calibrate(InferenceContext context, CharLstm m, int[] train, int segments) {
        int v = m.vocabSize();
        int h = m.hiddenSize();
        int length = train.length / segments;
        int[] steps = java.util.stream.IntStream.of(8, 32, 128).filter(t -> t < length).toArray();
        int perSegment = Math.max(1, steps.length);
        float[] characters = new float[segments * perSegment * v];
        float[] previousStates = new float[segments * perSegment * h];
        float[] states = new float[segments * perSegment * h];
        int calibrated = 0;
        CharLstm.Runner runner = m.runner();
        for (int s = 0; s < segments; s++) {
            runner.reset();
            for (int t = 1; t <= (steps.length == 0 ? 0 : steps[steps.length - 1]); t++) {
                boolean record = java.util.Arrays.binarySearch(steps, t) >= 0;
                if (record) {
                    characters[calibrated * v + train[s * length + t - 1]] = 1f;
                    double[] hPrev = runner.hiddenState();
                    for (int k = 0; k < h; k++) {
                        previousStates[calibrated * h + k] = (float) hPrev[k];
                    }
                }
                runner.next(train[s * length + t - 1]);
                if (record) {
                    double[] hNow = runner.hiddenState();
                    for (int k = 0; k < h; k++) {
                        states[calibrated * h + k] = (float) hNow[k];
                    }
                    calibrated++;
                }
            }
        }
        if (calibrated > 0) {
            context.layer(0).calibrate(characters, calibrated);
            context.layer(1).calibrate(previousStates, calibrated);
            context.layer(2).calibrate(states, calibrated);
        }
    }

    /** Sum of -ln p(next character) over all segments, with both products on the analog tiles. */
    private static double analogNats(InferenceContext context, CharLstm m, int[] ids, int segments, int length) {
        int v = m.vocabSize();
        int h = m.hiddenSize();
        int g = 4 * h;
        AnalogLayer input = context.layer(0);
        AnalogLayer recurrent = context.layer(1);
        AnalogLayer output = context.layer(2);
        float[] x = new float[segments * v];
        float[] z = new float[segments * g];
        float[] zr = new float[segments * g];
        float[] hidden = new float[segments * h];
        double[] cell = new double[segments * h];
        float[] logits = new float[segments * v];
        double[] gateBias = m.gateBias();
        double[] outputBias = m.outputBias();
        double nats = 0;
        for (int t = 1; t < length; t++) {
            java.util.Arrays.fill(x, 0f);
            for (int s = 0; s < segments; s++) {
                x[s * v + ids[s * length + t - 1]] = 1f;
            }
            input.multiply(x, segments, z);
            recurrent.multiply(hidden, segments, zr);
            for (int i = 0; i < z.length; i++) {
                z[i] += zr[i];
            }
            for (int s = 0; s < segments; s++) {
                // The cell of CharLstm: i, f, o sigmoid, g tanh, c = f c + i g, h = o tanh(c).
                for (int k = 0; k < h; k++) {
                    int zo = s * g;
                    double i = sigmoid(z[zo + k] + gateBias[k]);
                    double f = sigmoid(z[zo + h + k] + gateBias[h + k]);
                    double gg = Math.tanh(z[zo + 2 * h + k] + gateBias[2 * h + k]);
                    double o = sigmoid(z[zo + 3 * h + k] + gateBias[3 * h + k]);
                    int c = s * h + k;
                    cell[c] = f * cell[c] + i * gg;
                    hidden[c] = (float) (o * Math.tanh(cell[c]));
                }
            }
            output.multiply(hidden, segments, logits);
            for (int s = 0; s < segments; s++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < v; k++) {
                    max = Math.max(max, logits[s * v + k] + outputBias[k]);
                }
                double sum = 0;
                for (int k = 0; k < v; k++) {
                    sum += Math.exp(logits[s * v + k] + outputBias[k] - max);
                }
                int next = ids[s * length + t];
                nats -= logits[s * v + next] + outputBias[next] - max - Math.log(sum);
            }
            context.progress((long) t * segments, (long) (length - 1) * segments);
        }
        return nats;
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** Corpus ids re-encoded with the model's own vocabulary. */
    private static int[] encode(WorkloadContext context, Path file, CharCorpus corpus, int[] corpusIds, CharLstm m) {
        String vocabulary = m.vocabulary();
        int[] ids = new int[corpusIds.length];
        for (int i = 0; i < ids.length; i++) {
            char c = corpus.symbol(corpusIds[i]);
            int id = vocabulary.indexOf(c);
            if (id < 0) {
                throw context.error("text", file + ": character '" + c + "' is not in the model's vocabulary; "
                        + "expected the text the model was trained on");
            }
            ids[i] = id;
        }
        return ids;
    }
}
