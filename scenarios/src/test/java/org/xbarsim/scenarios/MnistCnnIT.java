package org.xbarsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbarsim.engine.summary.RunSummary;

/**
 * The LeNet-5-like CNN end to end with the real plugin jars and the real MNIST test set: its five
 * weight matrices (two convolutions in im2col form) programmed row-wise into PCM tiles, the 10,000
 * test images classified through DAC, drifted devices with read noise and ADCs, one analog
 * multiply per image position of each convolution.
 */
class MnistCnnIT {
    @Test
    void analogAccuracyIsWithinOnePointOfSoftwareOneSecondAfterProgramming() {
        RunSummary s = Runs.run("mnist-cnn.yaml", 2);
        double software = s.metric("inference.softwareAccuracy");
        double analog = s.metric("inference.analogAccuracy");
        assertEquals(10_000, s.inference().samples());
        assertEquals(0.9910, software, 0.5e-4, "the shipped model's figure (models/mnist-cnn/README.md)");
        // Issue 15's bar: within 1 point at 1 s (measured over seeds 1-5 in the README).
        assertEquals(software, analog, 0.01, "analog " + analog + " vs software " + software);
        // Every position is one multiply: 28 x 28 + 10 x 10 + 3 fully connected multiplies of about 365 ns
        // (255 DAC steps, 100 ns integration, 10 ADC bits) each.
        double perSample = s.metric("inference.timeSecondsPerSample");
        assertEquals(887 * 365e-9, perSample, 887 * 10e-9);
        RunSummary.Mapping mapping = s.inference().mapping();
        List<RunSummary.MatrixUse> matrices = mapping.matrices();
        assertEquals(5, matrices.size());
        assertEquals(25, matrices.get(0).rows());
        assertEquals(784, matrices.get(0).multipliesPerSample());
        assertEquals(150, matrices.get(1).rows());
        assertEquals(2, matrices.get(2).tiles().size(), "fc1's 400 rows need two 256-row tiles");
        assertEquals(6, mapping.tiles());
        // Max pooling 2x2: 3 comparisons per output, 6 x 14 x 14 + 16 x 5 x 5 outputs; ReLU one per element.
        long comparisons = 3L * (6 * 196 + 16 * 25) + 6 * 784 + 16 * 100 + 120 + 84;
        assertEquals(comparisons, mapping.digitalPerSample().comparisons());
    }

    @Test
    void theOnnxExportOfTheSameNetworkGivesTheSameResult() {
        RunSummary npz = Runs.run("mnist-cnn.yaml", 2, "inference.samples=300");
        RunSummary onnx = Runs.run("mnist-cnn.yaml", 1, "inference.samples=300",
                "workload.model=models/mnist-cnn/lenet5.onnx");
        assertEquals(npz.metric("inference.analogAccuracy"), onnx.metric("inference.analogAccuracy"));
        assertEquals(npz.metric("programming.pfail"), onnx.metric("programming.pfail"));
        assertTrue(npz.metric("inference.analogAccuracy") > 0.97);
    }
}
