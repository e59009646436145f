package org.xbarsim.nn.onnx;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.xbarsim.nn.net.Add;
import org.xbarsim.nn.net.AvgPool2d;
import org.xbarsim.nn.net.Conv2d;
import org.xbarsim.nn.net.Flatten;
import org.xbarsim.nn.net.Layer;
import org.xbarsim.nn.net.Linear;
import org.xbarsim.nn.net.Lstm;
import org.xbarsim.nn.net.MaxPool2d;
import org.xbarsim.nn.net.Relu;
import org.xbarsim.nn.net.Softmax;
import org.xbarsim.nn.net.Tensors;
import org.xbarsim.nn.net.Window;
import org.xbarsim.nn.onnx.OnnxModel.Node;
import org.xbarsim.nn.onnx.OnnxModel.Tensor;

/**
 * One ONNX operator to one layer, following the operator definitions in onnx/docs/Operators.md.
 * Weights come from constants; attributes outside what a layer computes are refused, never
 * ignored.
 */
final class Operators {
    /**
     * @param layer           the layer
     * @param dataInputs      the ONNX values it reads, computed by the network
     * @param output          which of the node's outputs it computes
     * @param outputBatchAxis the batch axis of that output in ONNX's layout
     */
    record Result(Layer layer, List<String> dataInputs, int output, int outputBatchAxis) {
        static Result of(Layer layer, String input) {
            return new Result(layer, List.of(input), 0, 0);
        }
    }

    private Operators() {
    }

    static Result translate(Node n, Function<String, int[]> shapeOf, Function<String, Tensor> constant, long opset,
                            String name, boolean[] used) {
        for (int i = 1; i < used.length; i++) {
            if (used[i] && !n.opType().equals("LSTM")) {
                throw new IllegalArgumentException("expected only its first output to be used, got output "
                        + n.outputs().get(i) + " used");
            }
        }
        String x = input(n, 0);
        return switch (n.opType()) {
            case "Relu" -> {
                Attrs.only(n, Set.of());
                yield Result.of(new Relu(name), x);
            }
            case "Conv" -> Result.of(conv(n, name, shapeOf.apply(x), constant), x);
            case "MaxPool" -> {
                Attrs.only(n, Set.of("kernel_shape", "strides", "pads", "ceil_mode", "dilations", "auto_pad",
                        "storage_order"));
                yield Result.of(new MaxPool2d(name, poolWindow(n)), x);
            }
            case "AveragePool" -> {
                Attrs.only(n, Set.of("kernel_shape", "strides", "pads", "ceil_mode", "dilations", "auto_pad",
                        "count_include_pad"));
                yield Result.of(new AvgPool2d(name, poolWindow(n), Attrs.integer(n, "count_include_pad", 0) == 1), x);
            }
            case "Flatten" -> {
                Attrs.only(n, Set.of("axis"));
                lastAxisOr(n, "axis", 1, shapeOf.apply(x).length + 1, 1, "1 (every axis but the batch)");
                yield Result.of(new Flatten(name), x);
            }
            case "Softmax" -> {
                Attrs.only(n, Set.of("axis"));
                int rank = shapeOf.apply(x).length + 1;
                lastAxisOr(n, "axis", opset >= 13 ? -1 : 1, rank, rank - 1, "the last axis");
                yield Result.of(new Softmax(name), x);
            }
            case "Gemm" -> Result.of(gemm(n, name, shapeOf.apply(x), constant), x);
            case "MatMul" -> Result.of(matMul(n, name, constant), x);
            case "Add" -> add(n, name, shapeOf, constant);
            case "LSTM" -> lstm(n, name, constant, used);
            default -> throw new IllegalArgumentException("operator '" + n.opType() + "' is not supported");
        };
    }

    /**
     * A Pad node's zero padding of height and width, [top, left, bottom, right]: constant mode, value
     * 0, nothing on the batch and channel axes.
     */
    static long[] pad(Node n, Function<String, Tensor> constant) {
        Attrs.only(n, Set.of("mode"));
        if (!Attrs.text(n, "mode", "constant").equals("constant")) {
            throw new IllegalArgumentException("expected mode constant, got " + Attrs.text(n, "mode", ""));
        }
        if (optionalInput(n, 2) != null) {
            float[] v = values(constant.apply(input(n, 2)));
            if (v.length != 1 || v[0] != 0f) {
                throw new IllegalArgumentException("expected padding with zeros, got constant_value " + Arrays.toString(v));
            }
        }
        if (optionalInput(n, 3) != null) {
            throw new IllegalArgumentException("expected no axes input, got '" + n.inputs().get(3) + "'");
        }
        Tensor p = constant.apply(input(n, 1));
        long[] v = p.longs();
        if (v == null || v.length != 8 || v[0] != 0 || v[1] != 0 || v[4] != 0 || v[5] != 0) {
            throw new IllegalArgumentException("expected int64 pads of 8 values for an NCHW tensor, zero on N and C, got "
                    + (v == null ? "data type " + p.dataType() : Arrays.toString(v)));
        }
        return new long[] {v[2], v[3], v[6], v[7]};
    }

    /**
     * The node reading the unpadded value instead, its own pads increased by the Pad's: a Conv pads
     * with zeros anyway; an AveragePool then counts the padding, as the zeros were counted.
     */
    static Node foldPad(Node n, Map.Entry<String, long[]> pad, int input) {
        boolean avg = n.opType().equals("AveragePool");
        if (input != 0 || !avg && !n.opType().equals("Conv")) {
            throw new IllegalArgumentException("node '" + n.name() + "' (" + n.opType() + "): expected a Pad to feed a "
                    + "Conv or an AveragePool (folded into its padding), got it as input " + input + " of " + n.opType());
        }
        long[] own = Attrs.ints(n, "pads", 4, new long[4]);
        if (avg && Attrs.integer(n, "count_include_pad", 0) == 0 && Arrays.stream(own).anyMatch(v -> v != 0)) {
            throw new IllegalArgumentException("node '" + n.name() + "' (AveragePool): expected no pads of its own "
                    + "after a Pad unless it counts padding, got " + Arrays.toString(own));
        }
        long[] sum = new long[4];
        for (int i = 0; i < 4; i++) {
            sum[i] = own[i] + pad.getValue()[i];
        }
        java.util.Map<String, OnnxModel.Attribute> attrs = new java.util.LinkedHashMap<>(n.attributes());
        attrs.put("pads", new OnnxModel.Attribute("pads", OnnxModel.Attribute.INTS, 0, 0, null, null, sum));
        if (avg) {
            attrs.put("count_include_pad", new OnnxModel.Attribute("count_include_pad", OnnxModel.Attribute.INT, 0, 1,
                    null, null, new long[0]));
        }
        java.util.List<String> inputs = new java.util.ArrayList<>(n.inputs());
        inputs.set(0, pad.getKey());
        return new Node(n.name(), n.opType(), n.domain(), inputs, n.outputs(), attrs);
    }

    private static String input(Node n, int i) {
        if (n.inputs().size() <= i || n.inputs().get(i).isEmpty()) {
            throw new IllegalArgumentException("expected input " + i + ", found none");
        }
        return n.inputs().get(i);
    }

    private static String optionalInput(Node n, int i) {
        return n.inputs().size() > i && !n.inputs().get(i).isEmpty() ? n.inputs().get(i) : null;
    }

    /** Resolves an axis attribute (negative counts from the end) and requires one value of it. */
    private static void lastAxisOr(Node n, String attr, long fallback, int rank, int required, String what) {
        long axis = Attrs.integer(n, attr, fallback);
        long resolved = axis < 0 ? axis + rank : axis;
        if (resolved != required) {
            throw new IllegalArgumentException("expected " + attr + " " + what + ", got " + axis + " for a rank-" + rank
                    + " input");
        }
    }

    private static Layer conv(Node n, String name, int[] in, Function<String, Tensor> constant) {
        Attrs.only(n, Set.of("kernel_shape", "strides", "pads", "dilations", "group", "auto_pad"));
        Tensor w = constant.apply(input(n, 1));
        if (w.dims().length != 4) {
            throw new IllegalArgumentException("expected a 2-D convolution (weights of rank 4), got weights of shape "
                    + Arrays.toString(w.dims()));
        }
        if (Attrs.integer(n, "group", 1) != 1) {
            throw new IllegalArgumentException("expected group 1, got " + Attrs.integer(n, "group", 1));
        }
        int out = (int) w.dims()[0];
        int channels = (int) w.dims()[1];
        long[] kernel = Attrs.ints(n, "kernel_shape", 2, new long[] {w.dims()[2], w.dims()[3]});
        if (kernel[0] != w.dims()[2] || kernel[1] != w.dims()[3]) {
            throw new IllegalArgumentException("expected kernel_shape " + Arrays.toString(kernel)
                    + " to match the weights' shape " + Arrays.toString(w.dims()));
        }
        Window window = window(n, kernel);
        float[] bias = optionalInput(n, 2) == null ? null : vector(constant.apply(input(n, 2)), out, "B");
        return Conv2d.fromTorch(name, channels, out, window, values(w), bias);
    }

    /** Kernel, strides (ONNX's default 1), pads [top, left, bottom, right]; dilations 1, no auto or ceil padding. */
    private static Window window(Node n, long[] kernel) {
        String autoPad = Attrs.text(n, "auto_pad", "NOTSET");
        if (!autoPad.equals("NOTSET") && !autoPad.equals("VALID")) {
            throw new IllegalArgumentException("expected auto_pad NOTSET or VALID, got " + autoPad
                    + " (export with explicit pads)");
        }
        long[] dilations = Attrs.ints(n, "dilations", 2, new long[] {1, 1});
        if (dilations[0] != 1 || dilations[1] != 1) {
            throw new IllegalArgumentException("expected dilations 1, 1, got " + Arrays.toString(dilations));
        }
        if (Attrs.integer(n, "ceil_mode", 0) != 0) {
            throw new IllegalArgumentException("expected ceil_mode 0, got 1");
        }
        long[] strides = Attrs.ints(n, "strides", 2, new long[] {1, 1});
        long[] pads = Attrs.ints(n, "pads", 4, new long[4]);
        for (long v : concat(kernel, strides, pads)) {
            if (v < 0 || v > 1 << 16) {
                throw new IllegalArgumentException("expected kernel, strides and pads in 0..65536, got " + v);
            }
        }
        return new Window((int) kernel[0], (int) kernel[1], (int) strides[0], (int) strides[1], (int) pads[0],
                (int) pads[1], (int) pads[2], (int) pads[3]);
    }

    private static Window poolWindow(Node n) {
        return window(n, Attrs.ints(n, "kernel_shape", 2, null));
    }

    private static long[] concat(long[]... parts) {
        return Arrays.stream(parts).flatMapToLong(Arrays::stream).toArray();
    }

    /** Gemm: Y = alpha A B' + beta C, A the data (batch, K), B a constant; folded into one linear layer. */
    private static Layer gemm(Node n, String name, int[] in, Function<String, Tensor> constant) {
        Attrs.only(n, Set.of("alpha", "beta", "transA", "transB"));
        if (Attrs.integer(n, "transA", 0) != 0) {
            throw new IllegalArgumentException("expected transA 0 (the data as rows), got 1");
        }
        if (in.length != 1) {
            throw new IllegalArgumentException("expected a 2-D input (batch, features), got per-sample shape "
                    + Arrays.toString(in));
        }
        Tensor b = constant.apply(input(n, 1));
        if (b.dims().length != 2) {
            throw new IllegalArgumentException("expected B a 2-D constant, got shape " + Arrays.toString(b.dims()));
        }
        boolean transB = Attrs.integer(n, "transB", 0) != 0;
        int k = (int) b.dims()[transB ? 1 : 0];
        int cols = (int) b.dims()[transB ? 0 : 1];
        float[] w = transB ? Tensors.transpose(values(b), cols, k) : values(b).clone();
        scale(w, Attrs.number(n, "alpha", 1f));
        float[] bias = null;
        if (optionalInput(n, 2) != null) {
            Tensor c = constant.apply(input(n, 2));
            bias = c.count() == 1 ? filled(cols, values(c)[0]) : vector(c, cols, "C").clone();
            scale(bias, Attrs.number(n, "beta", 1f));
        }
        return new Linear(name, k, cols, w, bias);
    }

    private static Layer matMul(Node n, String name, Function<String, Tensor> constant) {
        Attrs.only(n, Set.of());
        Tensor b = constant.apply(input(n, 1));
        if (b.dims().length != 2) {
            throw new IllegalArgumentException("expected the second operand a 2-D constant matrix, got shape "
                    + Arrays.toString(b.dims()));
        }
        return new Linear(name, (int) b.dims()[0], (int) b.dims()[1], values(b), null);
    }

    private static Result add(Node n, String name, Function<String, int[]> shapeOf, Function<String, Tensor> constant) {
        Attrs.only(n, Set.of());
        String a = input(n, 0);
        String b = input(n, 1);
        boolean aComputed = isComputed(shapeOf, a);
        boolean bComputed = isComputed(shapeOf, b);
        if (aComputed && bComputed) {
            return new Result(Add.residual(name), List.of(a, b), 0, 0);
        }
        if (!aComputed && !bComputed) {
            throw new IllegalArgumentException("expected at least one operand computed by the network, got two constants");
        }
        Tensor c = constant.apply(aComputed ? b : a);
        int[] dims = new int[c.dims().length];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = (int) c.dims()[i];
        }
        return Result.of(new Add(name, values(c), dims), aComputed ? a : b);
    }

    private static boolean isComputed(Function<String, int[]> shapeOf, String value) {
        try {
            shapeOf.apply(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * LSTM, forward, zero initial state, no peepholes, default activations. ONNX stacks the gates
     * i, o, f, c; the layer wants i, f, g (= c), o: block k of the layer is ONNX block GATES[k].
     */
    private static final int[] GATES = {0, 2, 3, 1};

    private static Result lstm(Node n, String name, Function<String, Tensor> constant, boolean[] used) {
        Attrs.only(n, Set.of("hidden_size", "direction", "layout", "activations", "clip", "input_forget",
                "activation_alpha", "activation_beta"));
        for (String attr : List.of("activations", "clip", "activation_alpha", "activation_beta")) {
            if (n.attributes().containsKey(attr)) {
                throw new IllegalArgumentException("expected the default activations and no clip, got attribute " + attr);
            }
        }
        if (!Attrs.text(n, "direction", "forward").equals("forward")) {
            throw new IllegalArgumentException("expected direction forward, got " + Attrs.text(n, "direction", ""));
        }
        if (Attrs.integer(n, "input_forget", 0) != 0) {
            throw new IllegalArgumentException("expected input_forget 0, got 1");
        }
        String[] optional = {null, null, null, null, "sequence_lens", "initial_h", "initial_c", "P"};
        for (int i = 4; i < optional.length; i++) {
            if (optionalInput(n, i) != null) {
                throw new IllegalArgumentException("expected no " + optional[i] + " input (equal lengths, zero initial "
                        + "state, no peepholes), got '" + n.inputs().get(i) + "'");
            }
        }
        if (used.length > 2 && used[2]) {
            throw new IllegalArgumentException("expected output Y_c unused, got it used");
        }
        boolean sequence = used.length > 0 && used[0];
        if (sequence && used.length > 1 && used[1]) {
            throw new IllegalArgumentException("expected one of its outputs Y and Y_h used, got both");
        }
        Tensor w = constant.apply(input(n, 1));
        Tensor r = constant.apply(input(n, 2));
        if (w.dims().length != 3 || w.dims()[0] != 1 || r.dims().length != 3 || r.dims()[0] != 1
                || r.dims()[1] != 4 * r.dims()[2] || w.dims()[1] != r.dims()[1]) {
            throw new IllegalArgumentException("expected W (1, 4 hidden, inputs) and R (1, 4 hidden, hidden), got "
                    + Arrays.toString(w.dims()) + " and " + Arrays.toString(r.dims()));
        }
        int h = (int) r.dims()[2];
        if (Attrs.integer(n, "hidden_size", h) != h) {
            throw new IllegalArgumentException("expected hidden_size " + h + " as R's shape says, got "
                    + Attrs.integer(n, "hidden_size", h));
        }
        int in = (int) w.dims()[2];
        float[] bias = new float[4 * h];
        if (optionalInput(n, 3) != null) {
            float[] b = vector(constant.apply(input(n, 3)), 8 * h, "B");
            for (int k = 0; k < 4; k++) {
                for (int j = 0; j < h; j++) {
                    bias[k * h + j] = b[GATES[k] * h + j] + b[4 * h + GATES[k] * h + j];
                }
            }
        }
        boolean batchFirst = Attrs.integer(n, "layout", 0) == 1;
        Lstm layer = new Lstm(name, in, h, gateColumns(values(w), h, in), gateColumns(values(r), h, h), bias, sequence);
        int axis = batchFirst ? 0 : sequence ? 2 : 1;
        return new Result(layer, List.of(input(n, 0)), sequence ? 0 : 1, axis);
    }

    /** ONNX's [4 hidden (i, o, f, c)][inputs] to the layer's [inputs][4 hidden (i, f, g, o)]. */
    private static float[] gateColumns(float[] onnx, int h, int in) {
        float[] out = new float[in * 4 * h];
        for (int k = 0; k < 4; k++) {
            for (int j = 0; j < h; j++) {
                int row = GATES[k] * h + j;
                for (int i = 0; i < in; i++) {
                    out[i * 4 * h + k * h + j] = onnx[row * in + i];
                }
            }
        }
        return out;
    }

    private static float[] vector(Tensor t, int n, String what) {
        if (t.count() != n || Arrays.stream(t.dims()).filter(d -> d != 1).count() > 1) {
            throw new IllegalArgumentException("expected " + what + " of " + n + " values, got shape "
                    + Arrays.toString(t.dims()));
        }
        return values(t);
    }

    /** A float tensor's values, refusing other types and non-finite values. */
    static float[] values(Tensor t) {
        if (t.floats() == null) {
            throw new IllegalArgumentException("tensor '" + t.name() + "': expected float32 or float64, got data type "
                    + t.dataType());
        }
        float[] v = t.floats();
        for (int i = 0; i < v.length; i++) {
            if (!Float.isFinite(v[i])) {
                throw new IllegalArgumentException("tensor '" + t.name() + "': expected finite float32 values, got "
                        + v[i] + " at index " + i);
            }
        }
        return v;
    }

    private static float[] filled(int n, float v) {
        float[] a = new float[n];
        Arrays.fill(a, v);
        return a;
    }

    private static void scale(float[] a, float s) {
        if (s != 1f) {
            for (int i = 0; i < a.length; i++) {
                a[i] *= s;
            }
        }
    }
}
