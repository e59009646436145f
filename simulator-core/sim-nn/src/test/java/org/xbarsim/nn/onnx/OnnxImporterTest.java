package org.xbarsim.nn.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.api.io.InputError;
import org.xbarsim.nn.net.Linear;

/** Crafted ONNX models: what imports, and the one message for each thing outside the supported set. */
class OnnxImporterTest {
    @TempDir
    Path dir;

    static final float[] W = {1, 2, 3, 4, 5, 6};

    static String error(byte[] model) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OnnxImporter.fromModel(OnnxParser.model(model), Map.of()));
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void importsAGemmWithTransposedWeights() {
        OnnxNetwork n = OnnxImporter.fromModel(OnnxParser.model(Proto.linear(13, "Relu", W)), Map.of());
        Linear fc = (Linear) n.network().nodes().get(0).layer();
        assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, fc.weights());
        // relu(x W^T + b): (1+2+3 + 0.5, 4+5+6 - 0.5) and relu(-1 + 0.5, -4 - 0.5).
        assertArrayEquals(new float[] {6.5f, 14.5f, 0, 0}, n.network().forward(new float[] {1, 1, 1, -1, 0, 0}, 2), 0);
        assertEquals("x", n.inputName());
        assertEquals("y", n.outputName());
        assertEquals(0, n.inputBatchAxis());
        assertEquals(13, n.opset());
    }

    @Test
    void opsetsOutsideTheSupportedRangeAreRefused() {
        assertEquals("expected an ONNX model importing opset 11..25 of the default domain, got opset 9",
                error(Proto.linear(9, "Relu", W)));
        assertEquals("expected an ONNX model importing opset 11..25 of the default domain, got opset 26",
                error(Proto.linear(26, "Relu", W)));
        OnnxImporter.fromModel(OnnxParser.model(Proto.linear(11, "Relu", W)), Map.of());
        OnnxImporter.fromModel(OnnxParser.model(Proto.linear(25, "Relu", W)), Map.of());
    }

    @Test
    void anUnsupportedOperatorIsNamedWithItsNode() {
        assertEquals("node 'act': operator 'Sigmoid' is not supported; supported: Add, AveragePool, Constant, Conv, "
                + "Flatten, Gemm, LSTM, MatMul, MaxPool, Pad, Relu, Softmax", error(Proto.linear(13, "Sigmoid", W)));
    }

    @Test
    void nonFiniteWeightsAndOtherDataTypesAreRefused() {
        assertEquals("node 'fc' (Gemm): tensor 'W': expected finite float32 values, got NaN at index 4",
                error(Proto.linear(13, "Relu", new float[] {1, 2, 3, 4, Float.NaN, 6})));
        assertEquals("node 'fc' (Gemm): tensor 'W': expected finite float32 values, got Infinity at index 0",
                error(Proto.linear(13, "Relu", new float[] {Float.POSITIVE_INFINITY, 2, 3, 4, 5, 6})));
        byte[] int8 = Proto.model(13,
                new Proto[] {Proto.node("mm", "MatMul", new String[] {"x", "W"}, new String[] {"y"})},
                new Proto[] {new Proto().packedLongs(1, 3, 2).varint(2, 3).string(8, "W").bytes(9, new byte[6])},
                Proto.valueInfo("x", -1, 3), Proto.valueInfo("y", -1, 2));
        assertEquals("node 'mm' (MatMul): tensor 'W': expected float32 or float64, got data type 3", error(int8));
        byte[] external = Proto.model(13,
                new Proto[] {Proto.node("mm", "MatMul", new String[] {"x", "W"}, new String[] {"y"})},
                new Proto[] {new Proto().packedLongs(1, 3, 2).varint(2, 1).string(8, "W").varint(14, 1)},
                Proto.valueInfo("x", -1, 3), Proto.valueInfo("y", -1, 2));
        assertEquals("tensor 'W': expected its data inside the file, got external data (export with the weights "
                + "embedded)", assertThrows(IllegalArgumentException.class, () -> OnnxParser.model(external)).getMessage());
        byte[] doubles = Proto.model(13,
                new Proto[] {Proto.node("mm", "MatMul", new String[] {"x", "W"}, new String[] {"y"})},
                new Proto[] {new Proto().packedLongs(1, 1, 2).varint(2, 11).string(8, "W")
                    .bytes(9, java.nio.ByteBuffer.allocate(16).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                            .putDouble(0.25).putDouble(-2).array())},
                Proto.valueInfo("x", -1, 1), Proto.valueInfo("y", -1, 2));
        OnnxNetwork n = OnnxImporter.fromModel(OnnxParser.model(doubles), Map.of());
        assertArrayEquals(new float[] {0.5f, -4}, n.network().forward(new float[] {2}, 1), 0);
    }

    @Test
    void graphsOutsideTheSupportedShapesAreRefused() {
        Proto mm = Proto.node("mm", "MatMul", new String[] {"x", "W"}, new String[] {"y"});
        Proto w = Proto.tensor("W", new long[] {3, 2}, W);
        assertEquals("expected one data input (the rest initializers), got 2: x, z", error(withExtraInput()));
        assertEquals("input 'x': expected fixed sizes except the batch axis 0, got [-1, -1] (-1: symbolic)",
                error(Proto.model(13, new Proto[] {mm}, new Proto[] {w}, Proto.valueInfo("x", -1, -1),
                        Proto.valueInfo("y", -1, 2))));
        assertEquals("input 'x': expected a declared shape with a batch axis and at least one more, got [-1]",
                error(Proto.model(13, new Proto[] {mm}, new Proto[] {w}, Proto.valueInfo("x", -1),
                        Proto.valueInfo("y", -1, 2))));
        assertEquals("node 'mm' (MatMul): expected 'W' to be a constant (an initializer), got no such value",
                error(Proto.model(13, new Proto[] {mm}, new Proto[0], Proto.valueInfo("x", -1, 3),
                        Proto.valueInfo("y", -1, 2))));
        assertEquals("expected the graph output 'q' to be the last node's output, got it from no node",
                error(Proto.model(13, new Proto[] {mm}, new Proto[] {w}, Proto.valueInfo("x", -1, 3),
                        Proto.valueInfo("q", -1, 2))));
        assertEquals("node 'mm' (MatMul): layer mm (linear): expected an input whose last axis has 3 features, got [4]",
                error(Proto.model(13, new Proto[] {mm}, new Proto[] {w}, Proto.valueInfo("x", -1, 4),
                        Proto.valueInfo("y", -1, 2))));
        Proto weird = Proto.node("q", "Relu", new String[] {"x"}, new String[] {"y"});
        weird.string(7, "com.example");
        assertTrue(error(Proto.model(13, new Proto[] {weird}, new Proto[0], Proto.valueInfo("x", -1, 3),
                Proto.valueInfo("y", -1, 3))).startsWith("node 'q': operator 'Relu' of domain 'com.example' is not supported"));
        assertEquals("node 'r' (Relu): attribute 'alpha' is not supported; supported: []", error(Proto.model(13,
                new Proto[] {Proto.node("r", "Relu", new String[] {"x"}, new String[] {"y"}, Proto.intAttribute("alpha", 1))},
                new Proto[0], Proto.valueInfo("x", -1, 3), Proto.valueInfo("y", -1, 3))));
        assertEquals("expected an ONNX model (a ModelProto with a graph), found no graph",
                assertThrows(IllegalArgumentException.class, () -> OnnxParser.model(new Proto().varint(1, 7).toBytes()))
                        .getMessage());
    }

    private static byte[] withExtraInput() {
        Proto g = new Proto().message(1, Proto.node("mm", "MatMul", new String[] {"x", "W"}, new String[] {"y"}))
                .message(5, Proto.tensor("W", new long[] {3, 2}, W)).message(11, Proto.valueInfo("x", -1, 3))
                .message(11, Proto.valueInfo("z", -1, 3)).message(12, Proto.valueInfo("y", -1, 2));
        return new Proto().message(7, g).message(8, new Proto().varint(2, 13)).toBytes();
    }

    @Test
    void filesAreReadBoundedAndNamedInErrors() throws IOException {
        Path f = dir.resolve("m.onnx");
        Files.write(f, Proto.linear(13, "Sigmoid", W));
        InputError e = assertThrows(InputError.class, () -> OnnxImporter.load(f));
        assertEquals(f.toString(), e.source());
        assertTrue(e.getMessage().startsWith(f + ": node 'act': operator 'Sigmoid'"), e.getMessage());
        Files.write(f, Proto.linear(13, "Relu", W));
        assertEquals(2, OnnxImporter.load(f).network().nodes().size());
    }
}
