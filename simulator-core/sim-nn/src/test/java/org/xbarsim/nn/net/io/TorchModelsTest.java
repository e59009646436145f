package org.xbarsim.nn.net.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xbarsim.api.io.NpyArray;
import org.xbarsim.api.io.NpzArchive;
import org.xbarsim.nn.lstm.CharLstm;
import org.xbarsim.nn.lstm.TorchLstm;
import org.xbarsim.nn.net.Network;
import org.xbarsim.nn.net.Tensors;
import org.xbarsim.nn.onnx.OnnxImporter;
import org.xbarsim.nn.onnx.OnnxNetwork;

/**
 * Models saved by PyTorch itself (src/test/resources/torch/make_fixtures.py, torch 1.13.1): the
 * state_dict .npz with a description, and torch.onnx.export's file, against the outputs PyTorch
 * computed for the same inputs.
 */
class TorchModelsTest {
    static final Path DIR = Path.of("src/test/resources/torch");
    /** float32 against PyTorch's float32 with another summation order: a few ulps of values near 1. */
    static final double TOL = 1e-5;

    static Map<String, NpyArray> io(String name) {
        return NpzArchive.read(DIR.resolve(name + "_io.npz"));
    }

    @Test
    void aStateDictWithItsDescriptionComputesWhatPyTorchComputed() {
        Network net = NetworkFiles.load(DIR.resolve("tiny_cnn.net"), null);
        Map<String, NpyArray> io = io("tiny_cnn");
        float[] y = net.forward(Tensors.floats(io.get("x").data()), 4);
        double[] want = io.get("y").data();
        assertEquals(want.length, y.length);
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], y[i], TOL, "output " + i);
        }
    }

    @Test
    void torchOnnxExportComputesWhatPyTorchComputed() {
        OnnxNetwork imported = OnnxImporter.load(DIR.resolve("tiny_cnn.onnx"));
        Map<String, NpyArray> io = io("tiny_cnn");
        float[] y = imported.network().forward(Tensors.floats(io.get("x").data()), 4);
        double[] want = io.get("y").data();
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], y[i], TOL, "output " + i);
        }
        assertEquals(13, imported.opset());
    }

    /** Done-when 2 of issue 15: the same network from .npz and from ONNX, bit for bit. */
    @Test
    void theSameNetworkFromNpzAndFromOnnxGivesTheSameBits() {
        Network fromNpz = NetworkFiles.load(DIR.resolve("tiny_cnn.net"), null);
        Network fromOnnx = NetworkFiles.load(DIR.resolve("tiny_cnn.onnx"), null);
        float[] x = Tensors.floats(io("tiny_cnn").get("x").data());
        assertArrayEquals(fromNpz.forward(x, 4), fromOnnx.forward(x, 4));
        assertEquals(fromNpz.matrices().size(), fromOnnx.matrices().size());
        for (int m = 0; m < fromNpz.matrices().size(); m++) {
            assertArrayEquals(fromNpz.matrices().get(m).weights(), fromOnnx.matrices().get(m).weights());
        }
    }

    @Test
    void aHandBuiltResidualGraphComputesWhatNumPyComputed() {
        OnnxNetwork imported = OnnxImporter.load(DIR.resolve("residual.onnx"));
        Map<String, NpyArray> io = io("residual");
        float[] y = imported.network().forward(Tensors.floats(io.get("x").data()), 2);
        double[] want = io.get("y").data();
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], y[i], TOL, "output " + i);
        }
        assertEquals(java.util.List.of("conv", "relu", "residual", "flatten", "matmul", "bias", "softmax"),
                imported.network().nodes().stream().map(n -> n.layer().name()).toList());
    }

    /** PyTorch's log-probabilities of each next character, one-hot input and with an embedding. */
    @Test
    void characterLstmsFromStateDictsPredictWhatPyTorchPredicted() {
        for (String name : new String[] {"char_lstm", "char_lstm_embedding"}) {
            CharLstm m = TorchLstm.fromStateDict(NpzArchive.read(DIR.resolve(name + ".npz")));
            assertEquals("\n abcdefghij.,", m.vocabulary());
            Map<String, NpyArray> io = io(name);
            double[] ids = io.get("ids").data();
            double[] logp = io.get("logp").data();
            int v = m.vocabSize();
            CharLstm.Runner r = m.runner();
            for (int t = 0; t < ids.length; t++) {
                double[] p = r.next((int) ids[t]);
                for (int k = 0; k < v; k++) {
                    assertEquals(logp[t * v + k], Math.log(p[k]), 1e-5, name + " step " + t + " char " + k);
                }
            }
        }
    }
}
