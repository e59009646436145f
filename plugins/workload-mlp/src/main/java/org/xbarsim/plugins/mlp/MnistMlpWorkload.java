package org.xbarsim.plugins.mlp;

import static org.xbarsim.api.param.Quantity.PATH;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.Extension;
import org.xbarsim.api.inference.AnalogLayer;
import org.xbarsim.api.inference.InferenceContext;
import org.xbarsim.api.inference.InferenceResult;
import org.xbarsim.api.inference.InferenceWorkload;
import java.util.Map;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.io.NpyArray;
import org.xbarsim.api.io.NpzArchive;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.api.workload.WeightLayer;
import org.xbarsim.api.workload.WorkloadContext;
import org.xbarsim.nn.data.Dataset;
import org.xbarsim.nn.data.Mnist;
import org.xbarsim.nn.mlp.Mlp;

/**
 * A trained MNIST multi-layer perceptron (784-250-125-10 by default, the reference line of work):
 * its weight matrices are programmed into tiles, then the MNIST test set is classified twice, in
 * floating point and through the programmed layers, with bias and activation digital.
 */
@Extension
public class MnistMlpWorkload implements InferenceWorkload {
    @Override
    public String id() {
        return "mnist-mlp";
    }

    @Override
    public String description() {
        return "An MNIST multi-layer perceptron: layers programmed into tiles, the 10k test images classified "
                + "in floating point and through the analog tiles.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                new ParameterSpec("model", PATH, "models/mnist-mlp", 0, 0, List.of(),
                        "The trained model, relative to the scenario: a directory (layer<l>.weights.npy, "
                                + "layer<l>.bias.npy, model.properties) or your own .npz with arrays layer<l>.weights "
                                + "(inputs x outputs) and layer<l>.bias, 784 inputs to 10 classes."),
                ParameterSpec.choice("activation", "relu", List.of("relu", "sigmoid"),
                        "Hidden-layer activation of a .npz model (a model directory records its own)."),
                ParameterSpec.path("dataDir", "Where MNIST is cached (fetched there on first use); default "
                        + "$XBARSIM_DATA, else ~/.cache/xbarsim."));
    }

    private static Mlp model(WorkloadContext context) {
        Path dir = context.resolve("model");
        if (dir.getFileName() != null && dir.getFileName().toString().endsWith(".npz")) {
            return fromNpz(context, dir);
        }
        try {
            return Mlp.load(dir);
        } catch (InputError e) {
            throw e;
        } catch (RuntimeException e) {
            throw context.error("model", dir + ": " + e.getMessage());
        }
    }

    @Override
    public List<WeightLayer> layers(WorkloadContext context) {
        Mlp mlp = model(context);
        List<WeightLayer> layers = new ArrayList<>();
        for (int l = 0; l < mlp.layers(); l++) {
            layers.add(mlp.weightLayer(l));
        }
        return layers;
    }

    @Override
    public InferenceResult evaluate(InferenceContext context) {
        WorkloadContext wc = context.workload();
        Mlp mlp = model(wc);
        // The host decides whether this run may fetch (never for a cluster peer's point or a replay) and
        // may name the data directory (a worker's --data-dir).
        Path dataDir = wc.parameters().has("dataDir") ? wc.resolve("dataDir")
                : wc.access().dataDir().orElse(Mnist.defaultDataDir());
        Dataset test = Mnist.load(dataDir, wc.access().downloads()).test();
        int count = context.samples() > 0 ? (int) Math.min(context.samples(), test.count()) : test.count();
        Dataset data = test.slice(0, count);
        double software = mlp.accuracy(data);

        int batch = context.batch();
        calibrate(context, mlp, data, Math.min(batch, count));
        int correct = 0;
        for (int from = 0; from < count; from += batch) {
            int n = Math.min(batch, count - from);
            float[] a = new float[n * mlp.inputs()];
            System.arraycopy(data.x(), from * mlp.inputs(), a, 0, a.length);
            for (int l = 0; l < mlp.layers(); l++) {
                AnalogLayer layer = context.layer(l);
                float[] z = new float[n * layer.outputs()];
                layer.multiply(a, n, z);
                float[] bias = mlp.bias(l);
                boolean hidden = l < mlp.layers() - 1;
                for (int b = 0; b < n; b++) {
                    for (int o = 0; o < layer.outputs(); o++) {
                        float v = z[b * layer.outputs() + o] + bias[o];
                        z[b * layer.outputs() + o] = hidden ? activate(mlp.activation(), v) : v;
                    }
                }
                a = z;
            }
            for (int b = 0; b < n; b++) {
                // Softmax is monotonic: the largest output is the predicted class.
                if (argmax(a, b * mlp.outputs(), mlp.outputs()) == data.label(from + b)) {
                    correct++;
                }
            }
            context.progress(from + n, count);
        }
        return InferenceResult.classifier(count, software, correct / (double) count);
    }

    /** A user's network from a .npz archive, every shape checked against its neighbours. */
    private static Mlp fromNpz(WorkloadContext context, Path file) {
        Map<String, NpyArray> arrays;
        try {
            arrays = NpzArchive.read(file);
        } catch (IllegalArgumentException e) {
            throw context.error("model", file + ": " + e.getMessage());
        }
        List<Integer> sizes = new ArrayList<>();
        for (int l = 0; arrays.containsKey("layer" + l + ".weights"); l++) {
            int[] shape = arrays.get("layer" + l + ".weights").shape();
            if (shape.length != 2) {
                throw context.error("model", file + ": layer" + l + ".weights: expected a 2-D array (inputs, outputs), "
                        + "got shape " + java.util.Arrays.toString(shape));
            }
            if (l == 0) {
                sizes.add(shape[0]);
            } else if (shape[0] != sizes.get(l)) {
                throw context.error("model", file + ": layer" + l + ".weights: expected " + sizes.get(l)
                        + " inputs (the outputs of layer" + (l - 1) + "), got shape (" + shape[0] + ", " + shape[1] + ")");
            }
            sizes.add(shape[1]);
            NpyArray bias = arrays.get("layer" + l + ".bias");
            if (bias == null || bias.shape().length != 1 || bias.shape()[0] != shape[1]) {
                throw context.error("model", file + ": expected layer" + l + ".bias of shape (" + shape[1] + ",), got "
                        + (bias == null ? "none" : java.util.Arrays.toString(bias.shape())));
            }
        }
        if (sizes.size() < 2 || sizes.get(0) != 784 || sizes.get(sizes.size() - 1) != 10) {
            throw context.error("model", file + ": expected layer0.weights, layer1.weights, ... from 784 inputs to "
                    + "10 classes, got sizes " + sizes);
        }
        Mlp mlp = new Mlp(sizes.stream().mapToInt(Integer::intValue).toArray(),
                Mlp.Activation.of(context.parameters().text("activation")));
        for (int l = 0; l < mlp.layers(); l++) {
            mlp.setLayer(l, floats(arrays.get("layer" + l + ".weights").data()),
                    floats(arrays.get("layer" + l + ".bias").data()));
        }
        return mlp;
    }

    private static float[] floats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    /**
     * Calibrates each analog layer on the floating-point network's own inputs to that layer for the
     * first {@code n} samples, as a chip is calibrated once when a network is deployed on it.
     */
    private static void calibrate(InferenceContext context, Mlp mlp, Dataset data, int n) {
        float[] a = java.util.Arrays.copyOf(data.x(), n * mlp.inputs());
        for (int l = 0; l < mlp.layers(); l++) {
            AnalogLayer layer = context.layer(l);
            layer.calibrate(a, n);
            float[] w = mlp.weights(l);
            float[] bias = mlp.bias(l);
            int in = layer.inputs();
            int out = layer.outputs();
            float[] z = new float[n * out];
            for (int b = 0; b < n; b++) {
                for (int i = 0; i < in; i++) {
                    float x = a[b * in + i];
                    if (x != 0) {
                        for (int o = 0; o < out; o++) {
                            z[b * out + o] += x * w[i * out + o];
                        }
                    }
                }
                for (int o = 0; o < out; o++) {
                    float v = z[b * out + o] + bias[o];
                    z[b * out + o] = l < mlp.layers() - 1 ? activate(mlp.activation(), v) : v;
                }
            }
            a = z;
        }
    }

    private static float activate(Mlp.Activation activation, float z) {
        return switch (activation) {
            case RELU -> Math.max(0f, z);
            case SIGMOID -> (float) (1 / (1 + Math.exp(-z)));
        };
    }

    private static int argmax(float[] v, int offset, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (v[offset + i] > v[offset + best]) {
                best = i;
            }
        }
        return best;
    }
}
