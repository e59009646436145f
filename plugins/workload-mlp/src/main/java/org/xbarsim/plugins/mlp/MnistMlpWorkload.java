package org.xbarsim.plugins.mlp;

import static org.xbarsim.api.param.Quantity.PATH;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.Extension;
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
import org.xbarsim.nn.mlp.Mlp;
import org.xbarsim.nn.mlp.MlpNetwork;
import org.xbarsim.nn.net.Tensors;

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
        if (!java.nio.file.Files.isDirectory(dir)) {
            throw context.error("model", dir + ": expected a model directory (layer0.weights.npy, layer0.bias.npy, ..., "
                    + "model.properties) or a .npz archive of such arrays, got " + (java.nio.file.Files.exists(dir)
                    ? "a file" + (dir.toString().endsWith(".npy") ? " of one array" : "") : "no such directory"));
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

    /**
     * The MLP through the shared network evaluation: the analog path (products on the tiles, then
     * bias and activation digital) is the one this workload always had; the converters are now
     * calibrated on training images instead of the first scored test images.
     */
    @Override
    public InferenceResult evaluate(InferenceContext context) {
        WorkloadContext wc = context.workload();
        return MnistEvaluation.run(MlpNetwork.of(model(wc)), wc, context);
    }

    /** A user's network from a .npz archive, every shape checked against its neighbours. */
    private static Mlp fromNpz(WorkloadContext context, Path file) {
        Map<String, NpyArray> arrays;
        try {
            arrays = NpzArchive.read(file);
        } catch (IllegalArgumentException e) {
            throw context.error("model", file + ": " + e.getMessage());
        }
        if (!arrays.containsKey("layer0.weights")) {
            throw context.error("model", file + ": expected arrays layer0.weights, layer0.bias, layer1.weights, ..., "
                    + "found " + String.join(", ", arrays.keySet()));
        }
        List<Integer> sizes = new ArrayList<>();
        for (int l = 0; arrays.containsKey("layer" + l + ".weights"); l++) {
            checkLayer(context, file, arrays, l, sizes);
        }
        if (sizes.size() < 2 || sizes.get(0) != 784 || sizes.get(sizes.size() - 1) != 10) {
            throw context.error("model", file + ": expected layer0.weights, layer1.weights, ... from 784 inputs to "
                    + "10 classes, got sizes " + sizes);
        }
        Mlp mlp = new Mlp(sizes.stream().mapToInt(Integer::intValue).toArray(),
                Mlp.Activation.of(context.parameters().text("activation")));
        for (int l = 0; l < mlp.layers(); l++) {
            mlp.setLayer(l, finite(context, file, "layer" + l + ".weights", arrays),
                    finite(context, file, "layer" + l + ".bias", arrays));
        }
        return mlp;
    }

    /** Layer {@code l}'s weights and bias: shapes that follow from the layer before. */
    private static void checkLayer(WorkloadContext context, Path file, Map<String, NpyArray> arrays, int l,
                                   List<Integer> sizes) {
        String name = "layer" + l + ".weights";
        int[] shape = arrays.get(name).shape();
        if (shape.length != 2) {
            throw context.error("model", file + ": " + name + ": expected a 2-D array (inputs, outputs), got shape "
                    + java.util.Arrays.toString(shape));
        }
        int inputs = l == 0 ? 784 : sizes.get(l);
        if (shape[0] != inputs && shape[1] == inputs) {
            throw context.error("model", file + ": " + name + ": expected (inputs, outputs) = (" + inputs + ", n), got ("
                    + shape[0] + ", " + shape[1] + "), PyTorch's nn.Linear orientation (out, in): transpose it "
                    + "(weight.T) when you save it");
        }
        if (l > 0 && shape[0] != inputs) {
            throw context.error("model", file + ": " + name + ": expected " + inputs + " inputs (the outputs of layer"
                    + (l - 1) + "), got shape (" + shape[0] + ", " + shape[1] + ")");
        }
        if (l == 0) {
            sizes.add(shape[0]);
        }
        sizes.add(shape[1]);
        NpyArray bias = arrays.get("layer" + l + ".bias");
        if (bias == null || bias.shape().length != 1 || bias.shape()[0] != shape[1]) {
            throw context.error("model", file + ": expected layer" + l + ".bias of shape (" + shape[1] + ",), got "
                    + (bias == null ? "none" : java.util.Arrays.toString(bias.shape())));
        }
    }

    /** A tensor's values as float32, refusing NaN and infinities (a diverged training run). */
    private static float[] finite(WorkloadContext context, Path file, String name, Map<String, NpyArray> arrays) {
        float[] f = Tensors.floats(arrays.get(name).data());
        for (int i = 0; i < f.length; i++) {
            if (!Float.isFinite(f[i])) {
                throw context.error("model", file + ": " + name + ": expected finite float32 values, got "
                        + arrays.get(name).data()[i] + " at index " + i);
            }
        }
        return f;
    }

}
