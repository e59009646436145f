package org.xbarsim.nn.onnx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.xbarsim.nn.onnx.OnnxModel.Attribute;
import org.xbarsim.nn.onnx.OnnxModel.Graph;
import org.xbarsim.nn.onnx.OnnxModel.Node;
import org.xbarsim.nn.onnx.OnnxModel.Tensor;
import org.xbarsim.nn.onnx.OnnxModel.ValueInfo;

/**
 * Parses an ONNX ModelProto, or a TensorProto (the .pb files of ONNX's test data), from bytes, with
 * the field numbers of onnx/onnx.proto. Bounded: at most {@value #MAX_NODES} nodes, tensors of at
 * most {@value #MAX_RANK} axes whose element count matches their data, tensors stored outside the
 * file refused (they would make the model open other files).
 */
public final class OnnxParser {
    static final int MAX_NODES = 100_000;
    static final int MAX_RANK = 8;
    static final int MAX_INTS = 4096;

    private OnnxParser() {
    }

    /** @throws IllegalArgumentException saying what was expected where */
    public static OnnxModel model(byte[] bytes) {
        ProtoReader r = new ProtoReader(bytes);
        long ir = 0;
        Map<String, Long> opsets = new TreeMap<>();
        Graph graph = null;
        while (r.more()) {
            switch (r.field()) {
                case 1 -> ir = r.integer();
                case 7 -> graph = graph(r.message());
                case 8 -> {
                    ProtoReader o = r.message();
                    String domain = "";
                    long version = 0;
                    while (o.more()) {
                        switch (o.field()) {
                            case 1 -> domain = o.string();
                            case 2 -> version = o.integer();
                            default -> o.skip();
                        }
                    }
                    opsets.put(domain, version);
                }
                default -> r.skip();
            }
        }
        if (graph == null) {
            throw new IllegalArgumentException("expected an ONNX model (a ModelProto with a graph), found no graph");
        }
        return new OnnxModel(ir, opsets, graph);
    }

    /** A TensorProto on its own (ONNX test data's input_0.pb, output_0.pb). */
    public static Tensor tensor(byte[] bytes) {
        return tensor(new ProtoReader(bytes));
    }

    private static Graph graph(ProtoReader r) {
        String name = "";
        List<Node> nodes = new ArrayList<>();
        Map<String, Tensor> initializers = new LinkedHashMap<>();
        List<ValueInfo> inputs = new ArrayList<>();
        List<ValueInfo> outputs = new ArrayList<>();
        while (r.more()) {
            switch (r.field()) {
                case 1 -> {
                    if (nodes.size() >= MAX_NODES) {
                        throw new IllegalArgumentException("expected at most " + MAX_NODES + " nodes, got more");
                    }
                    nodes.add(node(r.message(), nodes.size()));
                }
                case 2 -> name = r.string();
                case 5 -> {
                    Tensor t = tensor(r.message());
                    initializers.put(t.name(), t);
                }
                case 11 -> inputs.add(valueInfo(r.message()));
                case 12 -> outputs.add(valueInfo(r.message()));
                case 15 -> throw new IllegalArgumentException("expected dense initializers, got a sparse one");
                default -> r.skip();
            }
        }
        return new Graph(name, nodes, initializers, inputs, outputs);
    }

    private static Node node(ProtoReader r, int index) {
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        String name = "";
        String op = "";
        String domain = "";
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        while (r.more()) {
            switch (r.field()) {
                case 1 -> inputs.add(r.string());
                case 2 -> outputs.add(r.string());
                case 3 -> name = r.string();
                case 4 -> op = r.string();
                case 5 -> {
                    Attribute a = attribute(r.message());
                    attributes.put(a.name(), a);
                }
                case 7 -> domain = r.string();
                default -> r.skip();
            }
        }
        return new Node(name.isEmpty() ? op + "_" + index : name, op, domain, inputs, outputs, attributes);
    }

    private static Attribute attribute(ProtoReader r) {
        String name = "";
        int type = 0;
        float f = 0;
        long i = 0;
        String s = null;
        Tensor t = null;
        ProtoReader.LongList ints = new ProtoReader.LongList();
        while (r.more()) {
            switch (r.field()) {
                case 1 -> name = r.string();
                case 20 -> type = (int) r.integer();
                case 2 -> f = r.float32();
                case 3 -> i = r.integer();
                case 4 -> s = r.string();
                case 5 -> t = tensor(r.message());
                case 8 -> r.longs(ints, MAX_INTS);
                default -> r.skip();
            }
        }
        return new Attribute(name, type, f, i, s, t, ints.toArray());
    }

    private static ValueInfo valueInfo(ProtoReader r) {
        String name = "";
        int elemType = 0;
        long[] dims = null;
        while (r.more()) {
            switch (r.field()) {
                case 1 -> name = r.string();
                case 2 -> {
                    ProtoReader type = r.message();
                    while (type.more()) {
                        if (type.field() != 1) { // TypeProto.tensor_type; sequences and maps are not networks' inputs
                            type.skip();
                            continue;
                        }
                        ProtoReader tensor = type.message();
                        while (tensor.more()) {
                            switch (tensor.field()) {
                                case 1 -> elemType = (int) tensor.integer();
                                case 2 -> dims = shape(tensor.message());
                                default -> tensor.skip();
                            }
                        }
                    }
                }
                default -> r.skip();
            }
        }
        return new ValueInfo(name, elemType, dims);
    }

    private static long[] shape(ProtoReader r) {
        ProtoReader.LongList dims = new ProtoReader.LongList();
        while (r.more()) {
            if (r.field() != 1) {
                r.skip();
                continue;
            }
            ProtoReader dim = r.message();
            long value = -1;
            while (dim.more()) {
                if (dim.field() == 1) {
                    value = dim.integer();
                } else {
                    dim.skip();
                }
            }
            dims.add(value < 0 ? -1 : value, MAX_RANK);
        }
        return dims.toArray();
    }

    private static Tensor tensor(ProtoReader r) {
        ProtoReader.LongList dims = new ProtoReader.LongList();
        int type = 0;
        String name = "";
        int[] raw = null;
        ProtoReader floatData = null;
        ProtoReader doubleData = null;
        ProtoReader.LongList int64 = new ProtoReader.LongList();
        boolean external = false;
        while (r.more()) {
            switch (r.field()) {
                case 1 -> r.longs(dims, MAX_RANK);
                case 2 -> type = (int) r.integer();
                case 8 -> name = r.string();
                case 9 -> raw = r.range();
                case 4 -> floatData = repeated(r, floatData, ProtoReader.FIXED32);
                case 10 -> doubleData = repeated(r, doubleData, ProtoReader.FIXED64);
                case 7 -> r.longs(int64, Integer.MAX_VALUE - 8);
                case 14 -> external |= r.integer() == 1;
                case 13 -> external = true;
                default -> r.skip();
            }
        }
        String who = "tensor '" + name + "': ";
        if (external) {
            throw new IllegalArgumentException(who + "expected its data inside the file, got external data "
                    + "(export with the weights embedded)");
        }
        long[] shape = dims.toArray();
        long count = 1;
        for (long d : shape) {
            if (d < 0 || d > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(who + "expected sizes 0..2^31-1, got " + java.util.Arrays.toString(shape));
            }
            count = Math.min(count * d, Integer.MAX_VALUE); // a damaged shape cannot overflow past the check below
        }
        return switch (type) {
            case OnnxModel.FLOAT -> new Tensor(name, type, shape, floats(who, r.array(), raw, floatData, 4, count), null);
            case OnnxModel.DOUBLE -> new Tensor(name, type, shape, floats(who, r.array(), raw, doubleData, 8, count), null);
            case OnnxModel.INT64 -> new Tensor(name, type, shape, null, int64s(who, r.array(), raw, int64, count));
            default -> new Tensor(name, type, shape, null, null);
        };
    }

    /** The packed data of a repeated fixed-width field (several packed runs are concatenated only in theory). */
    private static ProtoReader repeated(ProtoReader r, ProtoReader previous, int elementType) {
        if (previous != null || r.wireType() != ProtoReader.LENGTH_DELIMITED) {
            throw new IllegalArgumentException("expected tensor values packed in one field, got them otherwise");
        }
        return r.message();
    }

    private static float[] floats(String who, byte[] bytes, int[] raw, ProtoReader typed, int width, long count) {
        int from;
        int to;
        if (raw != null) {
            from = raw[0];
            to = raw[1];
        } else if (typed != null) {
            int[] range = typed.rest();
            from = range[0];
            to = range[1];
        } else {
            from = 0;
            to = 0;
        }
        if ((long) (to - from) != count * width) {
            throw new IllegalArgumentException(who + "expected " + count + " values of " + width + " bytes for its shape, got "
                    + (to - from) + " bytes");
        }
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes, from, to - from).slice()
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[(int) count];
        for (int i = 0; i < v.length; i++) {
            v[i] = width == 4 ? b.getFloat(4 * i) : (float) b.getDouble(8 * i);
        }
        return v;
    }

    private static long[] int64s(String who, byte[] bytes, int[] raw, ProtoReader.LongList typed, long count) {
        long[] v;
        if (raw != null) {
            if (raw[1] - raw[0] != count * 8) {
                throw new IllegalArgumentException(who + "expected " + count + " int64 values for its shape, got "
                        + (raw[1] - raw[0]) + " bytes");
            }
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes, raw[0], raw[1] - raw[0]).slice()
                    .order(java.nio.ByteOrder.LITTLE_ENDIAN);
            v = new long[(int) count];
            for (int i = 0; i < v.length; i++) {
                v[i] = b.getLong(8 * i);
            }
        } else {
            v = typed.toArray();
            if (v.length != count) {
                throw new IllegalArgumentException(who + "expected " + count + " int64 values for its shape, got " + v.length);
            }
        }
        return v;
    }
}
