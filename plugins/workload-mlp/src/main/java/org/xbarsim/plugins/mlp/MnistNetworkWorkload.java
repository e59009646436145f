package org.xbarsim.plugins.mlp;

import static org.xbarsim.api.param.Quantity.PATH;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pf4j.Extension;
import org.xbarsim.api.inference.InferenceContext;
import org.xbarsim.api.inference.InferenceResult;
import org.xbarsim.api.inference.InferenceWorkload;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.api.workload.WeightLayer;
import org.xbarsim.api.workload.WorkloadContext;
import org.xbarsim.nn.data.Mnist;
import org.xbarsim.nn.net.Layer;
import org.xbarsim.nn.net.Network;
import org.xbarsim.nn.net.WeightMatrix;
import org.xbarsim.nn.net.io.NetworkFiles;

/**
 * Any network that classifies MNIST, from an ONNX file or a network description with a PyTorch
 * state_dict (.npz): its weight matrices (a convolution's in im2col form) programmed into tiles, then
 * the test images classified in floating point and through the tiles, the converters calibrated on
 * training images.
 */
@Extension
public class MnistNetworkWorkload implements InferenceWorkload {
    @Override
    public String id() {
        return "mnist-network";
    }

    @Override
    public String description() {
        return "Any MNIST classifier (ONNX, or a network description with a PyTorch state_dict .npz): conv2d, "
                + "linear, pooling, ... layers mapped onto tiles, the 10k test images classified in floating point "
                + "and through the analog tiles.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                new ParameterSpec("model", PATH, "models/mnist-cnn/lenet5.net", 0, 0, List.of(),
                        "The network, relative to the scenario: an .onnx file, or a network description whose weights are "
                                + "the .npz of the same name beside it (a PyTorch state_dict), 784 pixels to 10 classes."),
                ParameterSpec.path("weights", "The .npz of a description's weights, if not the one of the same name."),
                ParameterSpec.path("dataDir", "Where MNIST is cached (fetched there on first use); default "
                        + "$XBARSIM_DATA, else ~/.cache/xbarsim."));
    }

    static Network model(WorkloadContext context) {
        Path model = context.resolve("model");
        Path weights = context.parameters().has("weights") ? context.resolve("weights") : null;
        Network net;
        try {
            net = NetworkFiles.load(model, weights);
        } catch (InputError e) {
            throw context.error("model", e.getMessage());
        }
        if (Layer.size(net.inputShape()) != 784 || Layer.size(net.outputShape()) != 10) {
            throw context.error("model", model + ": expected a network from 784 MNIST pixels (input 1 28 28 or 784) to "
                    + "10 classes, got input " + Arrays.toString(net.inputShape()) + " and output "
                    + Arrays.toString(net.outputShape()));
        }
        return net;
    }

    /** The network's weight matrices, in order: what the host programs and {@link InferenceContext#layer} serves. */
    static List<WeightLayer> weightLayers(Network net) {
        List<WeightLayer> layers = new ArrayList<>();
        for (WeightMatrix m : net.matrices()) {
            layers.add(new WeightLayer(m.name(), m.rows(), m.cols(), m.toDoubles()));
        }
        return layers;
    }

    @Override
    public List<WeightLayer> layers(WorkloadContext context) {
        return weightLayers(model(context));
    }

    @Override
    public InferenceResult evaluate(InferenceContext context) {
        WorkloadContext wc = context.workload();
        return MnistEvaluation.run(model(wc), wc, context);
    }
}
