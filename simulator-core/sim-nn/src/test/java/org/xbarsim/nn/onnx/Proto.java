package org.xbarsim.nn.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A test-side protobuf writer, from the wire-format specification (protobuf.dev encoding), to craft
 * ONNX messages field by field: models with an unsupported opset or operator, bad tensors, damage.
 */
final class Proto {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Proto varint(int field, long v) {
        tag(field, 0);
        raw(v);
        return this;
    }

    Proto bytes(int field, byte[] b) {
        tag(field, 2);
        raw(b.length);
        out.writeBytes(b);
        return this;
    }

    Proto string(int field, String s) {
        return bytes(field, s.getBytes(StandardCharsets.UTF_8));
    }

    Proto message(int field, Proto m) {
        return bytes(field, m.toBytes());
    }

    Proto fixed32(int field, float f) {
        tag(field, 5);
        ByteBuffer b = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(f);
        out.writeBytes(b.array());
        return this;
    }

    Proto packedLongs(int field, long... v) {
        Proto p = new Proto();
        for (long x : v) {
            p.raw(x);
        }
        return bytes(field, p.toBytes());
    }

    private void tag(int field, int wire) {
        raw((long) field << 3 | wire);
    }

    private void raw(long v) {
        while ((v & ~0x7fL) != 0) {
            out.write((int) (v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
    }

    byte[] toBytes() {
        return out.toByteArray();
    }

    // ---- ONNX messages (field numbers of onnx/onnx.proto) -------------------------------------

    /** A float TensorProto with raw little-endian data. */
    static Proto tensor(String name, long[] dims, float... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return new Proto().packedLongs(1, dims).varint(2, OnnxModel.FLOAT).string(8, name).bytes(9, b.array());
    }

    static Proto valueInfo(String name, long... dims) {
        Proto shape = new Proto();
        for (long d : dims) {
            shape.message(1, d < 0 ? new Proto().string(2, "N") : new Proto().varint(1, d));
        }
        Proto tensorType = new Proto().varint(1, OnnxModel.FLOAT).message(2, shape);
        return new Proto().string(1, name).message(2, new Proto().message(1, tensorType));
    }

    static Proto node(String name, String op, String[] inputs, String[] outputs, Proto... attributes) {
        Proto n = new Proto();
        for (String i : inputs) {
            n.string(1, i);
        }
        for (String o : outputs) {
            n.string(2, o);
        }
        n.string(3, name).string(4, op);
        for (Proto a : attributes) {
            n.message(5, a);
        }
        return n;
    }

    static Proto intAttribute(String name, long v) {
        return new Proto().string(1, name).varint(3, v).varint(20, 2);
    }

    static Proto intsAttribute(String name, long... v) {
        return new Proto().string(1, name).packedLongs(8, v).varint(20, 7);
    }

    /** A model: opset of the default domain, one graph of nodes, initializers, one input, one output. */
    static byte[] model(long opset, Proto[] nodes, Proto[] initializers, Proto input, Proto output) {
        Proto g = new Proto();
        for (Proto n : nodes) {
            g.message(1, n);
        }
        g.string(2, "g");
        for (Proto t : initializers) {
            g.message(5, t);
        }
        g.message(11, input).message(12, output);
        return new Proto().varint(1, 8).string(2, "xbarsim-test").message(7, g)
                .message(8, new Proto().string(1, "").varint(2, opset)).toBytes();
    }

    /** A linear model x (N, 3) -> Gemm(W (2, 3) transposed, b) -> Relu. */
    static byte[] linear(long opset, String activation, float[] w) {
        return model(opset,
                new Proto[] {node("fc", "Gemm", new String[] {"x", "W", "b"}, new String[] {"z"}, intAttribute("transB", 1)),
                    node("act", activation, new String[] {"z"}, new String[] {"y"})},
                new Proto[] {tensor("W", new long[] {2, 3}, w), tensor("b", new long[] {2}, 0.5f, -0.5f)},
                valueInfo("x", -1, 3), valueInfo("y", -1, 2));
    }
}
