package org.xbarsim.nn.cnn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.xbarsim.api.io.NpyArray;
import org.xbarsim.nn.data.Dataset;
import org.xbarsim.nn.infer.Classification;
import org.xbarsim.nn.net.Network;
import org.xbarsim.nn.net.io.NetworkDescription;
import org.xbarsim.nn.net.io.NetworkFiles;
import org.xbarsim.nn.net.io.StateDict;
import org.xbarsim.nn.net.train.NetworkTrainer;

/**
 * A LeNet-5-like network for MNIST (LeCun et al., Proc. IEEE 1998, with ReLU and max pooling as
 * modern re-implementations have it): two 5x5 convolutions of 6 and 16 channels, each followed by
 * 2x2 max pooling, then 400-120-84-10 fully connected. Its description is {@link #DESCRIPTION}; the
 * weights are trained by {@link #train}.
 */
public final class MnistCnn {
    /** File names in the model directory. */
    public static final String DESCRIPTION_FILE = "lenet5.net";
    public static final String WEIGHTS_FILE = "lenet5.npz";

    /** The architecture, in the network-description format, with PyTorch's module names. */
    public static final String DESCRIPTION = """
            # LeNet-5-like CNN for MNIST (xbarsim network description; weights in lenet5.npz, PyTorch names)
            input 1 28 28
            conv2d conv1 out=6 kernel=5 padding=2
            relu relu1
            maxpool pool1 kernel=2
            conv2d conv2 out=16 kernel=5
            relu relu2
            maxpool pool2 kernel=2
            flatten flatten
            linear fc1 out=120
            relu relu3
            linear fc2 out=84
            relu relu4
            linear fc3 out=10
            """;

    private MnistCnn() {
    }

    /** The architecture with every weight zero. */
    public static Network architecture() {
        return StateDict.build(NetworkDescription.parse(DESCRIPTION), zeros());
    }

    /** Zero tensors of the right shapes, so the description binds. */
    private static Map<String, NpyArray> zeros() {
        Map<String, NpyArray> t = new java.util.TreeMap<>();
        int[][] shapes = {{6, 1, 5, 5}, {6}, {16, 6, 5, 5}, {16}, {120, 400}, {120}, {84, 120}, {84}, {10, 84}, {10}};
        String[] names = {"conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias", "fc1.weight", "fc1.bias",
            "fc2.weight", "fc2.bias", "fc3.weight", "fc3.bias"};
        for (int i = 0; i < names.length; i++) {
            t.put(names[i], new NpyArray(shapes[i], new double[java.util.Arrays.stream(shapes[i]).reduce(1, (a, b) -> a * b)]));
        }
        return t;
    }

    /** Initialises from the seed and trains on {@code train}. */
    public static Network train(NetworkTrainer.Config config, int threads, Dataset train,
                                NetworkTrainer.Progress progress) {
        Network net = architecture();
        NetworkTrainer.initialize(net, config.seed());
        new NetworkTrainer(config, threads).train(net, train, progress);
        return net;
    }

    /** Writes {@value #DESCRIPTION_FILE} and {@value #WEIGHTS_FILE} into {@code dir}. */
    public static void save(Network net, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(DESCRIPTION_FILE), DESCRIPTION, StandardCharsets.UTF_8);
        NetworkFiles.saveStateDict(net, dir.resolve(WEIGHTS_FILE));
    }

    /** Fraction of {@code data} classified correctly in floating point. */
    public static double accuracy(Network net, Dataset data) {
        return Classification.accuracy(net, data, 500);
    }
}
