package org.xbarsim.nn.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbarsim.nn.net.AvgPool2d;
import org.xbarsim.nn.net.Conv2d;
import org.xbarsim.nn.net.Window;
import org.xbarsim.nn.onnx.OnnxModel.Tensor;

/** Tensor encodings and operator attributes, crafted field by field. */
class OnnxOperatorsTest {
    static Proto floats(int field, float... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) {
            b.putFloat(f);
        }
        return new Proto().bytes(field, b.array());
    }

    @Test
    void tensorsInEveryEncoding() {
        // float_data (field 4, packed fixed32)
        byte[] f = new Proto().packedLongs(1, 2).varint(2, OnnxModel.FLOAT).string(8, "f").toBytes();
        byte[] withData = concat(f, floats(4, 1.5f, -2f).toBytes());
        assertArrayEquals(new float[] {1.5f, -2f}, OnnxParser.tensor(withData).floats());
        // double_data (field 10, packed fixed64)
        ByteBuffer d = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putDouble(0.5).putDouble(3);
        Tensor dt = OnnxParser.tensor(new Proto().packedLongs(1, 2).varint(2, OnnxModel.DOUBLE).bytes(10, d.array())
                .toBytes());
        assertArrayEquals(new float[] {0.5f, 3f}, dt.floats());
        // int64 as int64_data (varints) and as raw_data
        Tensor typed = OnnxParser.tensor(new Proto().packedLongs(1, 3).varint(2, OnnxModel.INT64).packedLongs(7, 4, -1, 7)
                .toBytes());
        assertArrayEquals(new long[] {4, -1, 7}, typed.longs());
        ByteBuffer raw = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(-3).putLong(9);
        Tensor rawLongs = OnnxParser.tensor(new Proto().packedLongs(1, 2).varint(2, OnnxModel.INT64).bytes(9, raw.array())
                .toBytes());
        assertArrayEquals(new long[] {-3, 9}, rawLongs.longs());
        assertEquals(2, rawLongs.count());
        // A scalar has no dims and one value; another type has no values.
        assertArrayEquals(new float[] {7f}, OnnxParser.tensor(concat(new Proto().varint(2, 1).toBytes(),
                floats(9, 7f).toBytes())).floats());
        Tensor int8 = OnnxParser.tensor(new Proto().packedLongs(1, 2).varint(2, 3).bytes(9, new byte[2]).toBytes());
        assertEquals(null, int8.floats());
        assertEquals(null, int8.longs());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1|tensor 'f': expected 3 values of 4 bytes for its shape, got 8 bytes",
        "2|tensor 'f': expected 3 int64 values for its shape, got 2",
        "3|tensor 'f': expected 3 int64 values for its shape, got 16 bytes",
        "4|expected tensor values packed in one field, got them otherwise",
        "5|tensor 'f': expected sizes 0..2^31-1, got [-1]",
        "6|expected dense initializers, got a sparse one"})
    void damagedTensorsAreRefused(int kind, String message) {
        byte[] bytes = switch (kind) {
            case 1 -> concat(new Proto().packedLongs(1, 3).varint(2, 1).string(8, "f").toBytes(), floats(9, 1, 2).toBytes());
            case 2 -> new Proto().packedLongs(1, 3).varint(2, 7).string(8, "f").packedLongs(7, 1, 2).toBytes();
            case 3 -> new Proto().packedLongs(1, 3).varint(2, 7).string(8, "f").bytes(9, new byte[16]).toBytes();
            case 4 -> new Proto().packedLongs(1, 1).varint(2, 1).fixed32(4, 1f).toBytes();
            case 5 -> new Proto().packedLongs(1, -1).varint(2, 1).string(8, "f").toBytes();
            default -> new Proto().message(7, new Proto().message(15, new Proto())).toBytes();
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> {
                    if (kind == 6) {
                        OnnxParser.model(bytes);
                    } else {
                        OnnxParser.tensor(bytes);
                    }
                });
        assertEquals(message, e.getMessage());
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** A model x (N, 2, 5, 5) -> one node of {@code op} with weights W (3, 2, 3, 3) when it needs them. */
    static byte[] image(String op, Proto... attributes) {
        boolean conv = op.equals("Conv");
        Proto node = Proto.node("n", op, conv ? new String[] {"x", "W"} : new String[] {"x"}, new String[] {"y"},
                attributes);
        Proto[] init = conv ? new Proto[] {Proto.tensor("W", new long[] {3, 2, 3, 3}, new float[54])} : new Proto[0];
        return Proto.model(13, new Proto[] {node}, init, Proto.valueInfo("x", -1, 2, 5, 5), Proto.valueInfo("y", -1));
    }

    static Proto text(String name, String value) {
        return new Proto().string(1, name).string(4, value).varint(20, 3);
    }

    static Proto number(String name, float value) {
        return new Proto().string(1, name).fixed32(2, value).varint(20, 1);
    }

    @Test
    void convolutionAndPoolingAttributes() {
        OnnxNetwork conv = OnnxImporter.fromModel(OnnxParser.model(image("Conv", Proto.intsAttribute("strides", 2, 1),
                Proto.intsAttribute("pads", 1, 0, 0, 1), text("auto_pad", "NOTSET"))), Map.of());
        assertEquals(new Window(3, 3, 2, 1, 1, 0, 0, 1), ((Conv2d) conv.network().nodes().get(0).layer()).window());
        OnnxNetwork valid = OnnxImporter.fromModel(OnnxParser.model(image("Conv", text("auto_pad", "VALID"))), Map.of());
        assertEquals(Window.square(3, 1, 0), ((Conv2d) valid.network().nodes().get(0).layer()).window());
        OnnxNetwork avg = OnnxImporter.fromModel(OnnxParser.model(image("AveragePool",
                Proto.intsAttribute("kernel_shape", 2, 3), Proto.intAttribute("count_include_pad", 1))), Map.of());
        AvgPool2d a = (AvgPool2d) avg.network().nodes().get(0).layer();
        assertEquals(new Window(2, 3, 1, 1, 0, 0, 0, 0), a.window());
        assertEquals(true, a.countIncludePad());
        assertArrayEquals(new int[] {2, 4, 3}, avg.network().outputShape());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "group|node 'n' (Conv): expected group 1, got 2",
        "dilations|node 'n' (Conv): expected dilations 1, 1, got [2, 1]",
        "auto_pad|node 'n' (Conv): expected auto_pad NOTSET or VALID, got SAME_UPPER (export with explicit pads)",
        "kernel_shape|node 'n' (Conv): expected kernel_shape [3, 2] to match the weights' shape [3, 2, 3, 3]",
        "pads|node 'n' (Conv): expected attribute pads of 4 values, got [1, 1]",
        "strides|node 'n' (Conv): expected kernel, strides and pads in 0..65536, got 100000",
        "type|node 'n' (Conv): expected attribute group to be an integer, got type 1",
        "ceil|node 'n' (Conv): attribute 'ceil_mode' is not supported; supported: [auto_pad, dilations, group, kernel_shape, pads, strides]"})
    void convolutionAttributesOutsideTheSupportedSet(String what, String message) {
        Proto a = switch (what) {
            case "group" -> Proto.intAttribute("group", 2);
            case "dilations" -> Proto.intsAttribute("dilations", 2, 1);
            case "auto_pad" -> text("auto_pad", "SAME_UPPER");
            case "kernel_shape" -> Proto.intsAttribute("kernel_shape", 3, 2);
            case "pads" -> Proto.intsAttribute("pads", 1, 1);
            case "strides" -> Proto.intsAttribute("strides", 100000, 1);
            case "type" -> number("group", 1);
            default -> Proto.intAttribute("ceil_mode", 1);
        };
        assertEquals(message, OnnxImporterTest.error(image("Conv", a)));
    }

    @Test
    void poolingNeedsAKernelAndFloorMode() {
        assertEquals("node 'n' (MaxPool): expected attribute kernel_shape, found none",
                OnnxImporterTest.error(image("MaxPool")));
        assertEquals("node 'n' (MaxPool): expected ceil_mode 0, got 1", OnnxImporterTest.error(image("MaxPool",
                Proto.intsAttribute("kernel_shape", 2, 2), Proto.intAttribute("ceil_mode", 1))));
        assertEquals("node 'n' (Flatten): expected axis 1 (every axis but the batch), got 2 for a rank-4 input",
                OnnxImporterTest.error(image("Flatten", Proto.intAttribute("axis", 2))));
        assertEquals("node 'n' (Softmax): expected axis the last axis, got 1 for a rank-4 input",
                OnnxImporterTest.error(image("Softmax", Proto.intAttribute("axis", 1))));
        assertEquals("node 'n' (Gemm): expected a 2-D input (batch, features), got per-sample shape [2, 5, 5]",
                OnnxImporterTest.error(Proto.model(13, new Proto[] {Proto.node("n", "Gemm", new String[] {"x", "B"},
                        new String[] {"y"})}, new Proto[] {Proto.tensor("B", new long[] {5, 2}, new float[10])},
                        Proto.valueInfo("x", -1, 2, 5, 5), Proto.valueInfo("y", -1))));
    }

    /** Gemm without transB, with alpha and beta folded into the weights, and a scalar C. */
    @Test
    void gemmFoldsAlphaAndBeta() {
        byte[] m = Proto.model(13, new Proto[] {Proto.node("g", "Gemm", new String[] {"x", "B", "C"}, new String[] {"y"},
                number("alpha", 2), number("beta", 0.5f))},
                new Proto[] {Proto.tensor("B", new long[] {2, 2}, 1, 2, 3, 4), Proto.tensor("C", new long[0], 4)},
                Proto.valueInfo("x", -1, 2), Proto.valueInfo("y", -1, 2));
        OnnxNetwork n = OnnxImporter.fromModel(OnnxParser.model(m), Map.of());
        // y = 2 x B + 0.5 * 4, x = (1, 1): 2 (4, 6) + 2.
        assertArrayEquals(new float[] {10, 14}, n.network().forward(new float[] {1, 1}, 1), 0);
        assertEquals("node 'g' (Gemm): expected C of 2 values, got shape [2, 2]", OnnxImporterTest.error(Proto.model(13,
                new Proto[] {Proto.node("g", "Gemm", new String[] {"x", "B", "C"}, new String[] {"y"})},
                new Proto[] {Proto.tensor("B", new long[] {2, 2}, 1, 2, 3, 4), Proto.tensor("C", new long[] {2, 2}, 1, 2, 3, 4)},
                Proto.valueInfo("x", -1, 2), Proto.valueInfo("y", -1, 2))));
        assertEquals("node 'g' (Gemm): expected B a 2-D constant, got shape [4]", OnnxImporterTest.error(Proto.model(13,
                new Proto[] {Proto.node("g", "Gemm", new String[] {"x", "B"}, new String[] {"y"})},
                new Proto[] {Proto.tensor("B", new long[] {4}, 1, 2, 3, 4)},
                Proto.valueInfo("x", -1, 2), Proto.valueInfo("y", -1, 2))));
        assertEquals("node 'g' (Gemm): expected input 1, found none", OnnxImporterTest.error(Proto.model(13,
                new Proto[] {Proto.node("g", "Gemm", new String[] {"x"}, new String[] {"y"})}, new Proto[0],
                Proto.valueInfo("x", -1, 2), Proto.valueInfo("y", -1, 2))));
        assertEquals("node 'g' (Relu): expected only its first output to be used, got output z used",
                OnnxImporterTest.error(Proto.model(13, new Proto[] {Proto.node("g", "Relu", new String[] {"x"},
                        new String[] {"y", "z"}), Proto.node("h", "Relu", new String[] {"z"}, new String[] {"w"})},
                        new Proto[0], Proto.valueInfo("x", -1, 2), Proto.valueInfo("w", -1, 2))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "direction|expected direction forward, got reverse",
        "input_forget|expected input_forget 0, got 1",
        "clip|expected the default activations and no clip, got attribute clip",
        "hidden_size|expected hidden_size 1 as R's shape says, got 2",
        "initial_h|expected no initial_h input (equal lengths, zero initial state, no peepholes), got 'h0'",
        "y_c|expected output Y_c unused, got it used",
        "W|expected W (1, 4 hidden, inputs) and R (1, 4 hidden, hidden), got [1, 4, 3] and [1, 4, 2]"})
    void lstmOutsideTheSupportedSet(String what, String message) {
        Proto[] attrs = switch (what) {
            case "direction" -> new Proto[] {text("direction", "reverse")};
            case "input_forget" -> new Proto[] {Proto.intAttribute("input_forget", 1)};
            case "clip" -> new Proto[] {number("clip", 3)};
            case "hidden_size" -> new Proto[] {Proto.intAttribute("hidden_size", 2)};
            default -> new Proto[0];
        };
        String[] inputs = what.equals("initial_h") ? new String[] {"x", "W", "R", "", "", "h0"} : new String[] {"x", "W", "R"};
        String[] outputs = what.equals("y_c") ? new String[] {"", "", "y"} : new String[] {"", "y"};
        long[] r = what.equals("W") ? new long[] {1, 4, 2} : new long[] {1, 4, 1};
        byte[] m = Proto.model(14, new Proto[] {Proto.node("l", "LSTM", inputs, outputs, attrs)},
                new Proto[] {Proto.tensor("W", new long[] {1, 4, 3}, new float[12]), Proto.tensor("R", r,
                    new float[(int) (r[1] * r[2])]), Proto.tensor("h0", new long[] {1, 1, 1}, 0)},
                Proto.valueInfo("x", 5, -1, 3), Proto.valueInfo("y", 1, -1, 1));
        assertEquals("node 'l' (LSTM): " + message, OnnxImporterTest.error(m));
    }

    @Test
    void padFoldsIntoTheNextConvolutionOnly() {
        Proto pads = new Proto().packedLongs(1, 8).varint(2, OnnxModel.INT64).string(8, "p")
                .packedLongs(7, 0, 0, 1, 2, 0, 0, 1, 0);
        byte[] ok = Proto.model(13, new Proto[] {Proto.node("pad", "Pad", new String[] {"x", "p"}, new String[] {"xp"}),
            Proto.node("n", "Conv", new String[] {"xp", "W"}, new String[] {"y"})},
                new Proto[] {pads, Proto.tensor("W", new long[] {3, 2, 3, 3}, new float[54])},
                Proto.valueInfo("x", -1, 2, 5, 5), Proto.valueInfo("y", -1));
        OnnxNetwork n = OnnxImporter.fromModel(OnnxParser.model(ok), Map.of());
        assertEquals(new Window(3, 3, 1, 1, 1, 2, 1, 0), ((Conv2d) n.network().nodes().get(0).layer()).window());
        byte[] max = Proto.model(13, new Proto[] {Proto.node("pad", "Pad", new String[] {"x", "p"}, new String[] {"xp"}),
            Proto.node("m", "MaxPool", new String[] {"xp"}, new String[] {"y"}, Proto.intsAttribute("kernel_shape", 2, 2))},
                new Proto[] {pads}, Proto.valueInfo("x", -1, 2, 5, 5), Proto.valueInfo("y", -1));
        assertEquals("node 'm' (MaxPool): expected a Pad to feed a Conv or an AveragePool (folded into its padding), got "
                + "it as input 0 of MaxPool", OnnxImporterTest.error(max));
        Proto channels = new Proto().packedLongs(1, 8).varint(2, OnnxModel.INT64).string(8, "p")
                .packedLongs(7, 0, 1, 0, 0, 0, 0, 0, 0);
        byte[] bad = Proto.model(13, new Proto[] {Proto.node("pad", "Pad", new String[] {"x", "p"}, new String[] {"xp"},
                text("mode", "constant")), Proto.node("n", "Conv", new String[] {"xp", "W"}, new String[] {"y"})},
                new Proto[] {channels, Proto.tensor("W", new long[] {3, 2, 3, 3}, new float[54])},
                Proto.valueInfo("x", -1, 2, 5, 5), Proto.valueInfo("y", -1));
        assertEquals("node 'pad' (Pad): expected int64 pads of 8 values for an NCHW tensor, zero on N and C, got "
                + "[0, 1, 0, 0, 0, 0, 0, 0]", OnnxImporterTest.error(bad));
        byte[] reflect = Proto.model(13, new Proto[] {Proto.node("pad", "Pad", new String[] {"x", "p"},
                new String[] {"xp"}, text("mode", "reflect"))}, new Proto[] {pads},
                Proto.valueInfo("x", -1, 2, 5, 5), Proto.valueInfo("xp", -1));
        assertEquals("node 'pad' (Pad): expected mode constant, got reflect", OnnxImporterTest.error(reflect));
        byte[] value = Proto.model(13, new Proto[] {Proto.node("pad", "Pad", new String[] {"x", "p", "v"},
                new String[] {"xp"})}, new Proto[] {pads, Proto.tensor("v", new long[0], 1)},
                Proto.valueInfo("x", -1, 2, 5, 5), Proto.valueInfo("xp", -1));
        assertEquals("node 'pad' (Pad): expected padding with zeros, got constant_value [1.0]", OnnxImporterTest.error(value));
    }

    @Test
    void constantsAndAddsOfConstants() {
        Proto constant = Proto.node("c", "Constant", new String[0], new String[] {"k"},
                new Proto().string(1, "value").message(5, Proto.tensor("k", new long[] {2}, 10, 20)).varint(20, 4));
        byte[] m = Proto.model(13, new Proto[] {constant, Proto.node("a", "Add", new String[] {"k", "x"},
                new String[] {"y"})}, new Proto[0], Proto.valueInfo("x", -1, 2), Proto.valueInfo("y", -1, 2));
        assertArrayEquals(new float[] {11, 22}, OnnxImporter.fromModel(OnnxParser.model(m), Map.of()).network()
                .forward(new float[] {1, 2}, 1), 0);
        byte[] two = Proto.model(13, new Proto[] {constant, Proto.node("a", "Add", new String[] {"k", "k"},
                new String[] {"y"})}, new Proto[0], Proto.valueInfo("x", -1, 2), Proto.valueInfo("y", -1, 2));
        assertEquals("node 'a' (Add): expected at least one operand computed by the network, got two constants",
                OnnxImporterTest.error(two));
        byte[] noValue = Proto.model(13, new Proto[] {Proto.node("c", "Constant", new String[0], new String[] {"k"})},
                new Proto[0], Proto.valueInfo("x", -1, 2), Proto.valueInfo("k", -1, 2));
        assertEquals("node 'c' (Constant): expected a tensor attribute 'value' (other Constant forms are not supported), "
                + "found none", OnnxImporterTest.error(noValue));
    }
}
