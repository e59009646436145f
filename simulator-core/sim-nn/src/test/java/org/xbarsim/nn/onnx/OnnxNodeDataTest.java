package org.xbarsim.nn.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbarsim.nn.net.Network;
import org.xbarsim.nn.onnx.OnnxModel.Tensor;

/**
 * The importer against ONNX's own operator tests (onnx/backend/test/data/node, see the README in
 * src/test/resources/onnx-node): each model is imported, its recorded inputs run through the
 * network, and the outputs compared with the outputs ONNX recorded from its reference
 * implementation. The weights these tests pass as graph inputs are bound as constants.
 */
class OnnxNodeDataTest {
    static final Path DATA = Path.of("src/test/resources/onnx-node");

    /**
     * ONNX's backend runner compares with rtol 1e-3, atol 1e-7; the references are float32 NumPy
     * computations whose summation order differs from ours, so the differences measured here are a
     * few float32 ulps: 1e-5 relative plus 1e-6 absolute holds them with room and still catches any
     * wrong element (an error of one kernel tap or one gate is orders of magnitude larger).
     */
    static final double RTOL = 1e-5;
    static final double ATOL = 1e-6;

    static Stream<String> supported() {
        return Stream.of("test_basic_conv_with_padding", "test_basic_conv_without_padding",
                "test_conv_with_strides_padding", "test_conv_with_strides_no_padding",
                "test_conv_with_strides_and_asymmetric_padding", "test_relu", "test_maxpool_2d_default",
                "test_maxpool_2d_strides", "test_maxpool_2d_pads", "test_maxpool_2d_precomputed_strides",
                "test_maxpool_2d_precomputed_pads", "test_averagepool_2d_default", "test_averagepool_2d_strides",
                "test_averagepool_2d_pads", "test_averagepool_2d_pads_count_include_pad",
                "test_averagepool_2d_precomputed_pads_count_include_pad", "test_gemm_default_vector_bias",
                "test_gemm_default_no_bias", "test_gemm_transposeB", "test_gemm_alpha", "test_gemm_beta",
                "test_gemm_default_single_elem_vector_bias", "test_gemm_default_scalar_bias", "test_matmul_2d",
                "test_add_bcast", "test_flatten_axis1", "test_flatten_default_axis", "test_flatten_negative_axis3",
                "test_softmax_example", "test_softmax_default_axis", "test_softmax_axis_2", "test_softmax_large_number",
                "test_softmax_negative_axis", "test_lstm_defaults", "test_lstm_with_initial_bias",
                "test_lstm_batchwise");
    }

    @ParameterizedTest
    @MethodSource("supported")
    void outputsMatchOnnxsRecordedOutputs(String test) throws IOException {
        Path dir = DATA.resolve(test);
        OnnxModel model = lastOutputOnly(OnnxParser.model(Files.readAllBytes(dir.resolve("model.onnx"))));
        List<Tensor> inputs = tensors(dir, "input");
        Map<String, Tensor> weights = new LinkedHashMap<>();
        for (Tensor t : inputs.subList(1, inputs.size())) {
            weights.put(t.name(), t);
        }
        OnnxNetwork imported = OnnxImporter.fromModel(model, weights);
        Tensor x = inputs.get(0);
        assertEquals(imported.inputName(), x.name());
        int batch = (int) x.dims()[imported.inputBatchAxis()];
        float[] samples = batchFirst(x.floats(), x.dims(), imported.inputBatchAxis());
        Network net = imported.network();
        float[] y = net.forward(samples, batch);

        Tensor expected = tensors(dir, "output").stream().filter(t -> t.name().equals(imported.outputName()))
                .findFirst().orElseThrow();
        float[] want = batchFirst(expected.floats(), expected.dims(), imported.outputBatchAxis());
        assertEquals(want.length, y.length, test + ": output size");
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], y[i], ATOL + RTOL * Math.abs(want[i]), test + ": element " + i);
        }
    }

    /** The unsupported operators, attributes and layouts among ONNX's tests: one message each, naming the node. */
    @ParameterizedTest
    @ValueSource(strings = {"test_conv_with_autopad_same", "test_maxpool_2d_ceil", "test_maxpool_1d_default",
        "test_gemm_all_attributes", "test_gemm_transposeA", "test_gemm_default_matrix_bias", "test_matmul_3d",
        "test_matmul_4d", "test_add", "test_flatten_axis0", "test_softmax_axis_0", "test_softmax_axis_1",
        "test_lstm_with_peepholes", "test_reshape_reduced_dims", "test_squeeze"})
    void unsupportedModelsAreOneMessageNamingTheNode(String test) throws IOException {
        Path dir = DATA.resolve(test);
        OnnxModel model = OnnxParser.model(Files.readAllBytes(dir.resolve("model.onnx")));
        List<Tensor> inputs = tensors(dir, "input");
        Map<String, Tensor> weights = new LinkedHashMap<>();
        for (Tensor t : inputs.subList(1, inputs.size())) {
            weights.put(t.name(), t);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OnnxImporter.fromModel(model, weights));
        String node = model.graph().nodes().get(0).name();
        assertTrue(e.getMessage().contains("node '" + node + "'") || e.getMessage().startsWith("input "),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    /**
     * A network has one output; test_lstm_batchwise's graph declares two (Y and Y_h). Its last,
     * Y_h, is the one checked (the sequence output Y is checked by the importer's own test).
     */
    static OnnxModel lastOutputOnly(OnnxModel m) {
        List<OnnxModel.ValueInfo> outs = m.graph().outputs();
        OnnxModel.Graph g = m.graph();
        return new OnnxModel(m.irVersion(), m.opsets(), new OnnxModel.Graph(g.name(), g.nodes(), g.initializers(),
                g.inputs(), outs.subList(outs.size() - 1, outs.size())));
    }

    static List<Tensor> tensors(Path dir, String prefix) throws IOException {
        List<Tensor> out = new ArrayList<>();
        for (int i = 0; Files.exists(dir.resolve("test_data_set_0/" + prefix + "_" + i + ".pb")); i++) {
            out.add(OnnxParser.tensor(Files.readAllBytes(dir.resolve("test_data_set_0/" + prefix + "_" + i + ".pb"))));
        }
        return out;
    }

    /** Moves the batch axis of a row-major tensor to the front: sample after sample. */
    static float[] batchFirst(float[] v, long[] dims, int axis) {
        if (axis == 0) {
            return v;
        }
        long outer = 1;
        for (int i = 0; i < axis; i++) {
            outer *= dims[i];
        }
        long inner = 1;
        for (int i = axis + 1; i < dims.length; i++) {
            inner *= dims[i];
        }
        int n = (int) dims[axis];
        float[] out = new float[v.length];
        int k = 0;
        for (int b = 0; b < n; b++) {
            for (int o = 0; o < outer; o++) {
                for (int i = 0; i < inner; i++) {
                    out[k++] = v[(int) ((o * n + b) * inner + i)];
                }
            }
        }
        return out;
    }

    static String shape(long[] d) {
        return Arrays.toString(d);
    }
}
