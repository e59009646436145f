package org.xbarsim.nn.infer;

import java.util.ArrayList;
import java.util.List;
import org.xbarsim.api.inference.AnalogLayer;
import org.xbarsim.api.inference.InferenceContext;
import org.xbarsim.nn.net.DigitalMultiplier;
import org.xbarsim.nn.net.Multiplier;
import org.xbarsim.nn.net.Network;

/**
 * Calibrates every analog layer's DAC and ADC ranges on what the floating-point network feeds that
 * layer for some calibration samples, as a chip is calibrated once when a network is deployed. The
 * samples must come from training data, never from the samples then scored: calibrating on the
 * test set would let the converters' ranges fit the very inputs they are judged on.
 */
public final class Calibration {
    private Calibration() {
    }

    /**
     * Runs {@code count} samples of {@code x} through the network in floating point, collecting each
     * matrix's input vectors (every position, every time step), then calibrates each analog layer
     * on them.
     */
    public static void run(Network net, float[] x, int count, InferenceContext context) {
        List<List<float[]>> inputs = new ArrayList<>();
        int[] rows = new int[net.matrices().size()];
        for (int m = 0; m < rows.length; m++) {
            inputs.add(new ArrayList<>());
        }
        DigitalMultiplier digital = new DigitalMultiplier(net.matrices());
        Multiplier recording = (matrix, in, n, y) -> {
            int width = net.matrices().get(matrix).rows();
            inputs.get(matrix).add(java.util.Arrays.copyOf(in, n * width));
            rows[matrix] += n;
            digital.multiply(matrix, in, n, y);
        };
        net.forward(x, count, recording);
        for (int m = 0; m < rows.length; m++) {
            int width = net.matrices().get(m).rows();
            float[] all = new float[Math.multiplyExact(rows[m], width)];
            int at = 0;
            for (float[] part : inputs.get(m)) {
                System.arraycopy(part, 0, all, at, part.length);
                at += part.length;
            }
            AnalogLayer layer = context.layer(m);
            layer.calibrate(all, rows[m]);
        }
    }
}
