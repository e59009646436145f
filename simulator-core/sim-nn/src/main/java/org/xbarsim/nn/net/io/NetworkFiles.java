package org.xbarsim.nn.net.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.xbarsim.api.io.BoundedFiles;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.io.NpyArray;
import org.xbarsim.api.io.NpzArchive;
import org.xbarsim.nn.net.Conv2d;
import org.xbarsim.nn.net.Layer;
import org.xbarsim.nn.net.Linear;
import org.xbarsim.nn.net.Lstm;
import org.xbarsim.nn.net.Network;
import org.xbarsim.nn.net.Tensors;
import org.xbarsim.nn.onnx.OnnxImporter;

/**
 * A network from the files a user names: an ONNX model ({@code .onnx}), or a network description
 * whose weights are the PyTorch state_dict in the {@code .npz} of the same name beside it (or the
 * archive named explicitly).
 */
public final class NetworkFiles {
    private NetworkFiles() {
    }

    /** The weights archive a description uses by default: {@code lenet5.net} -> {@code lenet5.npz}. */
    public static Path defaultWeights(Path description) {
        String name = description.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return description.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".npz");
    }

    public static boolean isOnnx(Path model) {
        return model.getFileName() != null && model.getFileName().toString().toLowerCase(java.util.Locale.ROOT)
                .endsWith(".onnx");
    }

    /**
     * Loads a network: ONNX, or a description with its weights ({@code weights} null: the default).
     *
     * @throws InputError naming the file and what was expected
     */
    public static Network load(Path model, Path weights) {
        if (isOnnx(model)) {
            return OnnxImporter.load(model).network();
        }
        NetworkDescription description;
        try {
            description = NetworkDescription.parse(BoundedFiles.readString(model, NetworkDescription.MAX_BYTES,
                    "a network description", StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new InputError(model.toString(), null, "expected a network description (or an .onnx model), found "
                    + "no such file");
        } catch (IOException e) {
            throw new InputError(model.toString(), null, "expected a UTF-8 network description: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new InputError(model.toString(), null, e.getMessage(), e);
        }
        Path npz = weights != null ? weights : defaultWeights(model);
        Map<String, NpyArray> tensors;
        try {
            tensors = NpzArchive.read(npz);
        } catch (IllegalArgumentException e) {
            throw new InputError(npz.toString(), null, e.getMessage(), e);
        }
        try {
            return StateDict.build(description, tensors);
        } catch (IllegalArgumentException e) {
            throw new InputError(model + " with " + npz.getFileName(), null, e.getMessage(), e);
        }
    }

    /**
     * Saves a network's weights as PyTorch names them in a state_dict, in PyTorch's orientations,
     * float32: what {@link StateDict} reads back, and what {@code model.load_state_dict} accepts.
     */
    public static void saveStateDict(Network net, Path npz) throws IOException {
        Map<String, Map.Entry<int[], float[]>> arrays = new LinkedHashMap<>();
        for (Network.Node node : net.nodes()) {
            Layer l = node.layer();
            if (l instanceof Linear lin) {
                put(arrays, l.name() + ".weight", new int[] {lin.outputs(), lin.inputs()},
                        Tensors.transpose(lin.weights(), lin.inputs(), lin.outputs()));
                if (lin.bias() != null) {
                    put(arrays, l.name() + ".bias", new int[] {lin.outputs()}, lin.bias());
                }
            } else if (l instanceof Conv2d conv) {
                put(arrays, l.name() + ".weight", new int[] {conv.outChannels(), conv.inChannels(),
                    conv.window().kernelH(), conv.window().kernelW()},
                        Tensors.transpose(conv.weights(), conv.patch(), conv.outChannels()));
                if (conv.bias() != null) {
                    put(arrays, l.name() + ".bias", new int[] {conv.outChannels()}, conv.bias());
                }
            } else if (l instanceof Lstm lstm) {
                int g = 4 * lstm.hidden();
                put(arrays, l.name() + ".weight_ih_l0", new int[] {g, lstm.inputs()},
                        Tensors.transpose(lstm.inputWeights(), lstm.inputs(), g));
                put(arrays, l.name() + ".weight_hh_l0", new int[] {g, lstm.hidden()},
                        Tensors.transpose(lstm.recurrentWeights(), lstm.hidden(), g));
                put(arrays, l.name() + ".bias_ih_l0", new int[] {g}, lstm.bias());
                put(arrays, l.name() + ".bias_hh_l0", new int[] {g}, new float[g]);
            }
        }
        NpzWriter.write(npz, arrays);
    }

    private static void put(Map<String, Map.Entry<int[], float[]>> arrays, String name, int[] shape, float[] v) {
        arrays.put(name, new AbstractMap.SimpleImmutableEntry<>(shape, v));
    }
}
