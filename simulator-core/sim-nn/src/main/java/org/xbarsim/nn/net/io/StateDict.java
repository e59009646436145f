package org.xbarsim.nn.net.io;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.xbarsim.api.io.NpyArray;
import org.xbarsim.nn.net.Add;
import org.xbarsim.nn.net.AvgPool2d;
import org.xbarsim.nn.net.Conv2d;
import org.xbarsim.nn.net.Flatten;
import org.xbarsim.nn.net.Layer;
import org.xbarsim.nn.net.Linear;
import org.xbarsim.nn.net.Lstm;
import org.xbarsim.nn.net.MaxPool2d;
import org.xbarsim.nn.net.Network;
import org.xbarsim.nn.net.Relu;
import org.xbarsim.nn.net.Softmax;
import org.xbarsim.nn.net.Tensors;
import org.xbarsim.nn.net.Window;

/**
 * Binds a {@link NetworkDescription} to the tensors of a PyTorch state_dict saved as .npz
 * ({@code np.savez(f, **{k: v.numpy() for k, v in model.state_dict().items()})}), with PyTorch's names
 * and orientations: {@code fc1.weight} (out, in), {@code conv1.weight} (out, in, kh, kw),
 * {@code rnn.weight_ih_l0} (4 hidden, in) with gates i, f, g, o. Every tensor must be used, every
 * value finite.
 */
public final class StateDict {
    private final Map<String, NpyArray> tensors;
    private final TreeSet<String> unused;

    private StateDict(Map<String, NpyArray> tensors) {
        this.tensors = tensors;
        this.unused = new TreeSet<>(tensors.keySet());
    }

    /**
     * The network the description and the tensors make.
     *
     * @throws IllegalArgumentException naming the line, layer or tensor and what was expected
     */
    public static Network build(NetworkDescription description, Map<String, NpyArray> tensors) {
        StateDict dict = new StateDict(tensors);
        Network.Builder b = Network.builder(description.inputShape());
        for (NetworkDescription.Line line : description.layers()) {
            Network.Builder next;
            try {
                Layer layer = dict.layer(line, b);
                next = b.add(layer, line.from().toArray(String[]::new));
            } catch (IllegalArgumentException e) {
                String m = e.getMessage();
                throw new IllegalArgumentException(m.startsWith("line ") ? m : "line " + line.number() + ": " + m, e);
            }
            b = next;
        }
        if (!dict.unused.isEmpty()) {
            throw new IllegalArgumentException("expected every tensor to belong to a layer of the description, got "
                    + "unused " + String.join(", ", dict.unused));
        }
        return b.build();
    }

    private Layer layer(NetworkDescription.Line line, Network.Builder b) {
        String n = line.name();
        return switch (line.kind()) {
            case "linear" -> linear(line);
            case "conv2d" -> conv(line, b);
            case "relu" -> new Relu(n);
            case "maxpool" -> new MaxPool2d(n, window(line, line.integer("kernel", null)));
            case "avgpool" -> new AvgPool2d(n, window(line, line.integer("kernel", null)),
                    line.text("countIncludePad", "true", "true", "false").equals("true"));
            case "flatten" -> new Flatten(n);
            case "softmax" -> new Softmax(n);
            case "add" -> Add.residual(n);
            case "lstm" -> lstm(line);
            default -> throw new IllegalArgumentException(line.where() + "unknown kind"); // parse() refused it
        };
    }

    /** A pooling window: stride defaults to the kernel, as in PyTorch. */
    private static Window window(NetworkDescription.Line line, int kernel) {
        try {
            return Window.square(kernel, line.integer("stride", kernel), line.integer("padding", 0));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(line.where() + e.getMessage(), e);
        }
    }

    private Layer linear(NetworkDescription.Line line) {
        int out = line.integer("out", null);
        NpyArray w = tensor(line.name() + ".weight");
        requireRank(w, 2, line.name() + ".weight", "(" + out + ", inputs)");
        if (w.shape()[0] != out) {
            throw shapeError(line.name() + ".weight", "(" + out + ", inputs)", w);
        }
        return Linear.fromTorch(line.name(), w.shape()[1], out, values(line.name() + ".weight", w),
                bias(line.name() + ".bias", out));
    }

    private Layer conv(NetworkDescription.Line line, Network.Builder b) {
        int out = line.integer("out", null);
        int k = line.integer("kernel", null);
        Window window;
        try {
            window = Window.square(k, line.integer("stride", 1), line.integer("padding", 0));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(line.where() + e.getMessage(), e);
        }
        String wn = line.name() + ".weight";
        NpyArray w = tensor(wn);
        String expected = "(" + out + ", in channels, " + k + ", " + k + ")";
        requireRank(w, 4, wn, expected);
        if (w.shape()[0] != out || w.shape()[2] != k || w.shape()[3] != k) {
            throw shapeError(wn, expected, w);
        }
        return Conv2d.fromTorch(line.name(), w.shape()[1], out, window, values(wn, w), bias(line.name() + ".bias", out));
    }

    /** PyTorch's nn.LSTM (one layer, forward): the two bias vectors are added, as the cell adds them. */
    private Layer lstm(NetworkDescription.Line line) {
        int h = line.integer("hidden", null);
        String p = line.name() + ".";
        NpyArray wih = tensor(p + "weight_ih_l0");
        requireRank(wih, 2, p + "weight_ih_l0", "(" + 4 * h + ", inputs)");
        if (wih.shape()[0] != 4 * h) {
            throw shapeError(p + "weight_ih_l0", "(" + 4 * h + ", inputs)", wih);
        }
        int in = wih.shape()[1];
        NpyArray whh = tensor(p + "weight_hh_l0");
        if (!Arrays.equals(whh.shape(), new int[] {4 * h, h})) {
            throw shapeError(p + "weight_hh_l0", "(" + 4 * h + ", " + h + ")", whh);
        }
        float[] bias = new float[4 * h];
        for (String name : List.of(p + "bias_ih_l0", p + "bias_hh_l0")) {
            float[] part = bias(name, 4 * h);
            for (int i = 0; part != null && i < bias.length; i++) {
                bias[i] += part[i];
            }
        }
        boolean sequence = line.text("output", "last", "last", "sequence").equals("sequence");
        return new Lstm(line.name(), in, h, Tensors.transpose(values(p + "weight_ih_l0", wih), 4 * h, in),
                Tensors.transpose(values(p + "weight_hh_l0", whh), 4 * h, h), bias, sequence);
    }

    private NpyArray tensor(String name) {
        NpyArray a = tensors.get(name);
        if (a == null) {
            throw new IllegalArgumentException("expected a tensor " + name + ", found none; the archive holds "
                    + String.join(", ", new TreeSet<>(tensors.keySet())));
        }
        unused.remove(name);
        return a;
    }

    private float[] bias(String name, int n) {
        NpyArray a = tensors.get(name);
        if (a == null) {
            return null;
        }
        unused.remove(name);
        if (!Arrays.equals(a.shape(), new int[] {n})) {
            throw shapeError(name, "(" + n + ",)", a);
        }
        return values(name, a);
    }

    private static void requireRank(NpyArray a, int rank, String name, String expected) {
        if (a.shape().length != rank) {
            throw shapeError(name, expected, a);
        }
    }

    private static IllegalArgumentException shapeError(String name, String expected, NpyArray a) {
        return new IllegalArgumentException("tensor " + name + ": expected shape " + expected + ", got "
                + NpyArray.shapeText(a.shape()));
    }

    /** The values as float32, refusing NaN and infinities (a diverged training run). */
    static float[] values(String name, NpyArray a) {
        float[] f = Tensors.floats(a.data());
        for (int i = 0; i < f.length; i++) {
            if (!Float.isFinite(f[i])) {
                throw new IllegalArgumentException("tensor " + name + ": expected finite float32 values, got "
                        + a.data()[i] + " at index " + i);
            }
        }
        return f;
    }
}
