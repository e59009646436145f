package org.xbarsim.nn.onnx;

import java.util.List;
import java.util.Map;

/**
 * The parts of an ONNX ModelProto (onnx/onnx.proto) that describe a network: the operator sets it
 * imports and its graph. Everything else in the file (producer, docs, metadata, training info,
 * functions) is read past.
 *
 * @param irVersion ModelProto.ir_version
 * @param opsets    operator-set version by domain ("" is the default domain, ai.onnx)
 * @param graph     the main graph
 */
public record OnnxModel(long irVersion, Map<String, Long> opsets, Graph graph) {

    /** ONNX TensorProto.DataType values used here. */
    public static final int FLOAT = 1;
    public static final int INT64 = 7;
    public static final int DOUBLE = 11;

    /**
     * A graph: nodes in topological order (the ONNX rule), constant tensors, inputs and outputs.
     *
     * @param initializers constant tensors by name, in file order
     */
    public record Graph(String name, List<Node> nodes, Map<String, Tensor> initializers, List<ValueInfo> inputs,
                        List<ValueInfo> outputs) {
    }

    /**
     * One operator application.
     *
     * @param inputs  value names ("" for an omitted optional input)
     * @param outputs value names
     */
    public record Node(String name, String opType, String domain, List<String> inputs, List<String> outputs,
                       Map<String, Attribute> attributes) {
    }

    /**
     * An attribute; only the field its type uses is meaningful.
     *
     * @param type AttributeProto.AttributeType: 1 FLOAT, 2 INT, 3 STRING, 4 TENSOR, 6 FLOATS, 7 INTS, ...
     */
    public record Attribute(String name, int type, float f, long i, String s, Tensor t, long[] ints) {
        static final int FLOAT = 1;
        static final int INT = 2;
        static final int STRING = 3;
        static final int TENSOR = 4;
        static final int INTS = 7;
    }

    /**
     * A tensor: float32 and float64 values as float32 (as the network holds them; float64 values
     * outside float32's range become infinite and are refused where used), int64 values as longs,
     * other types without values.
     *
     * @param dims   shape
     * @param floats values of a float or double tensor, else null
     * @param longs  values of an int64 tensor, else null
     */
    public record Tensor(String name, int dataType, long[] dims, float[] floats, long[] longs) {
        /** Elements by the shape. */
        public long count() {
            long n = 1;
            for (long d : dims) {
                n *= d;
            }
            return n;
        }
    }

    /**
     * A graph input or output's declared type.
     *
     * @param elemType TensorProto.DataType, 0 if not declared
     * @param dims     declared sizes, -1 where symbolic or unknown; null if no shape is declared
     */
    public record ValueInfo(String name, int elemType, long[] dims) {
    }
}
