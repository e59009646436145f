package org.xbarsim.nn.onnx;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.xbarsim.api.io.BoundedFiles;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.io.NpyArray;
import org.xbarsim.nn.net.Network;
import org.xbarsim.nn.onnx.OnnxModel.Node;
import org.xbarsim.nn.onnx.OnnxModel.Tensor;
import org.xbarsim.nn.onnx.OnnxModel.ValueInfo;

/**
 * Translates an ONNX graph of the supported operators into a {@link Network}: Conv, Gemm, MatMul,
 * Relu, MaxPool, AveragePool, Flatten, Add, Softmax, LSTM and Constant, and Pad with zeros on the
 * height and width when it feeds a Conv or an AveragePool (PyTorch exports an AvgPool2d with padding
 * that way), folded into that layer's padding; all of the default domain at
 * operator-set versions {@value #MIN_OPSET} to {@value #MAX_OPSET}. The weights must be constants
 * (initializers or Constant nodes); the graph has one data input and one output. Anything outside
 * this set is one message naming the node and what it has.
 */
public final class OnnxImporter {
    /** Oldest default-domain opset read: Gemm's optional C and Flatten's negative axis date from 11. */
    public static final long MIN_OPSET = 11;
    /** Newest opset read: the supported operators' semantics are unchanged up to it (onnx 1.19, opset 25). */
    public static final long MAX_OPSET = 25;
    public static final Set<String> OPERATORS = new TreeSet<>(List.of("Add", "AveragePool", "Constant", "Conv",
            "Flatten", "Gemm", "LSTM", "MatMul", "MaxPool", "Pad", "Relu", "Softmax"));

    private OnnxImporter() {
    }

    /**
     * Reads and imports an ONNX file, at most {@link NpyArray#MAX_BYTES} long.
     *
     * @throws InputError naming the file and what was expected
     */
    public static OnnxNetwork load(Path file) {
        byte[] bytes;
        try {
            bytes = BoundedFiles.readAllBytes(file, NpyArray.MAX_BYTES, "an ONNX model");
        } catch (NoSuchFileException e) {
            throw new InputError(file.toString(), null, "expected an ONNX model, found no such file");
        } catch (IOException e) {
            throw new InputError(file.toString(), null, "cannot read: " + e.getMessage(), e);
        }
        try {
            return fromModel(OnnxParser.model(bytes), Map.of());
        } catch (IllegalArgumentException e) {
            throw new InputError(file.toString(), null, e.getMessage(), e);
        }
    }

    /**
     * Imports a parsed model. {@code constants} supplies values for graph inputs that hold weights
     * (ONNX's operator tests pass weights as inputs).
     *
     * @throws IllegalArgumentException naming the node or tensor and what was expected
     */
    public static OnnxNetwork fromModel(OnnxModel model, Map<String, Tensor> constants) {
        Long opset = model.opsets().get("");
        if (opset == null) {
            opset = model.opsets().get("ai.onnx");
        }
        if (opset == null || opset < MIN_OPSET || opset > MAX_OPSET) {
            throw new IllegalArgumentException("expected an ONNX model importing opset " + MIN_OPSET + ".." + MAX_OPSET
                    + " of the default domain, got " + (opset == null ? "none" : "opset " + opset));
        }
        return new Translation(model.graph(), constants, opset).run();
    }

    /** The state of one import: what each ONNX value name is. */
    private static final class Translation {
        private final OnnxModel.Graph graph;
        private final long opset;
        private final Map<String, Tensor> constants = new HashMap<>();
        /** ONNX value name -> the network node that computes it ("input" for the data input). */
        private final Map<String, String> computed = new HashMap<>();
        /** ONNX value name -> its per-sample shape. */
        private final Map<String, int[]> shapes = new HashMap<>();
        private final Set<String> consumed = new HashSet<>();
        private final Set<String> names = new HashSet<>();
        /** Outputs of Pad nodes -> (the padded value, pads top, left, bottom, right). */
        private final Map<String, Map.Entry<String, long[]>> pads = new HashMap<>();
        private Network.Builder builder;
        private String lastValue;
        private int outputBatchAxis;

        Translation(OnnxModel.Graph graph, Map<String, Tensor> extra, long opset) {
            this.graph = graph;
            this.opset = opset;
            constants.putAll(graph.initializers());
            constants.putAll(extra);
            for (Node n : graph.nodes()) {
                consumed.addAll(n.inputs());
            }
            graph.outputs().forEach(o -> consumed.add(o.name()));
        }

        OnnxNetwork run() {
            ValueInfo input = dataInput();
            int batchAxis = feedsSequenceFirstLstm(input.name()) ? 1 : 0;
            int[] shape = perSample(input, batchAxis);
            builder = Network.builder(shape);
            computed.put(input.name(), Network.INPUT_NAME);
            shapes.put(input.name(), shape);
            for (Node node : graph.nodes()) {
                try {
                    translate(node);
                } catch (IllegalArgumentException e) {
                    String m = e.getMessage();
                    throw new IllegalArgumentException(m.startsWith("node '") ? m
                            : "node '" + node.name() + "' (" + node.opType() + "): " + m, e);
                }
            }
            if (graph.outputs().size() != 1) {
                throw new IllegalArgumentException("expected one graph output, got " + graph.outputs().size());
            }
            String out = graph.outputs().get(0).name();
            if (!out.equals(lastValue)) {
                throw new IllegalArgumentException("expected the graph output '" + out + "' to be the last node's "
                        + "output, got it from " + (computed.containsKey(out) ? "an earlier node" : "no node"));
            }
            Network network;
            try {
                network = builder.build();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("expected a graph with at least one supported node, got none", e);
            }
            return new OnnxNetwork(network, input.name(), batchAxis, out, outputBatchAxis, opset);
        }

        private ValueInfo dataInput() {
            List<ValueInfo> data = new ArrayList<>();
            for (ValueInfo v : graph.inputs()) {
                if (!constants.containsKey(v.name())) {
                    data.add(v);
                }
            }
            if (data.size() != 1) {
                List<String> names = data.stream().map(ValueInfo::name).toList();
                throw new IllegalArgumentException("expected one data input (the rest initializers), got "
                        + data.size() + (names.isEmpty() ? "" : ": " + String.join(", ", names)));
            }
            return data.get(0);
        }

        private boolean feedsSequenceFirstLstm(String input) {
            for (Node n : graph.nodes()) {
                if (n.opType().equals("LSTM") && !n.inputs().isEmpty() && n.inputs().get(0).equals(input)) {
                    return Attrs.integer(n, "layout", 0) == 0;
                }
            }
            return false;
        }

        private static int[] perSample(ValueInfo v, int batchAxis) {
            String who = "input '" + v.name() + "': ";
            if (v.elemType() != 0 && v.elemType() != OnnxModel.FLOAT && v.elemType() != OnnxModel.DOUBLE) {
                throw new IllegalArgumentException(who + "expected float32 or float64 data, got data type " + v.elemType());
            }
            if (v.dims() == null || v.dims().length < batchAxis + 2) {
                throw new IllegalArgumentException(who + "expected a declared shape with a batch axis and at least one "
                        + "more, got " + (v.dims() == null ? "none" : java.util.Arrays.toString(v.dims())));
            }
            int[] s = new int[v.dims().length - 1];
            int k = 0;
            for (int i = 0; i < v.dims().length; i++) {
                if (i == batchAxis) {
                    continue;
                }
                long d = v.dims()[i];
                if (d < 1 || d > 1 << 24) {
                    throw new IllegalArgumentException(who + "expected fixed sizes except the batch axis " + batchAxis
                            + ", got " + java.util.Arrays.toString(v.dims()) + " (-1: symbolic)");
                }
                s[k++] = (int) d;
            }
            return s;
        }

        private void translate(Node node) {
            if (!node.domain().isEmpty() && !node.domain().equals("ai.onnx")) {
                throw new IllegalArgumentException("node '" + node.name() + "': operator '" + node.opType()
                        + "' of domain '" + node.domain() + "' is not supported; supported: ai.onnx " + OPERATORS);
            }
            if (!OPERATORS.contains(node.opType())) {
                throw new IllegalArgumentException("node '" + node.name() + "': operator '" + node.opType()
                        + "' is not supported; supported: " + String.join(", ", OPERATORS));
            }
            if (node.opType().equals("Constant")) {
                Tensor value = Attrs.tensor(node, "value");
                constants.put(node.outputs().get(0), value);
                return;
            }
            if (node.opType().equals("Pad")) {
                pads.put(node.outputs().get(0), Map.entry(node.inputs().get(0), Operators.pad(node, this::constant)));
                return;
            }
            for (int i = 0; i < node.inputs().size(); i++) {
                if (pads.containsKey(node.inputs().get(i))) {
                    node = Operators.foldPad(node, pads.get(node.inputs().get(i)), i);
                }
            }
            Operators.Result r = Operators.translate(node, this::shapeOf, this::constant, opset,
                    uniqueName(node.name()), consumedOutputs(node));
            String[] inputs = r.dataInputs().stream().map(this::nodeOf).toArray(String[]::new);
            builder.add(r.layer(), inputs);
            String value = node.outputs().get(r.output());
            computed.put(value, r.layer().name());
            shapes.put(value, builder.lastShape());
            lastValue = value;
            outputBatchAxis = r.outputBatchAxis();
        }

        private boolean[] consumedOutputs(Node node) {
            boolean[] used = new boolean[node.outputs().size()];
            for (int i = 0; i < used.length; i++) {
                used[i] = !node.outputs().get(i).isEmpty() && consumed.contains(node.outputs().get(i));
            }
            return used;
        }

        private String uniqueName(String name) {
            String n = name;
            for (int k = 2; names.contains(n) || n.equals(Network.INPUT_NAME); k++) {
                n = name + "#" + k;
            }
            names.add(n);
            return n;
        }

        private String nodeOf(String value) {
            String n = computed.get(value);
            if (n == null) {
                throw new IllegalArgumentException("expected '" + value + "' computed by an earlier node or the data "
                        + "input, got " + (constants.containsKey(value) ? "a constant" : "no such value"));
            }
            return n;
        }

        /** The per-sample shape of a computed value. */
        private int[] shapeOf(String value) {
            nodeOf(value);
            return shapes.get(value);
        }

        private Tensor constant(String value) {
            Tensor t = constants.get(value);
            if (t == null) {
                throw new IllegalArgumentException("expected '" + value + "' to be a constant (an initializer), got "
                        + (computed.containsKey(value) ? "a value computed by the network" : "no such value"));
            }
            return t;
        }
    }
}
