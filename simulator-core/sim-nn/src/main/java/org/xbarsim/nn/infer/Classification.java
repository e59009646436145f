package org.xbarsim.nn.infer;

import java.util.Arrays;
import org.xbarsim.api.inference.InferenceContext;
import org.xbarsim.api.inference.InferenceResult;
import org.xbarsim.nn.data.Dataset;
import org.xbarsim.nn.net.Layer;
import org.xbarsim.nn.net.Network;

/**
 * A classifier evaluated twice on the same samples, in floating point and through the chip's analog
 * layers after calibrating them on training samples: accuracy is the fraction whose largest output
 * is the label (the first of equal outputs wins).
 */
public final class Classification {
    private Classification() {
    }

    /**
     * @param net         the network; its input takes a data set's features, its output one score per class
     * @param test        the samples scored
     * @param calibration training samples the converters are calibrated on (never the scored ones)
     */
    public static InferenceResult evaluate(Network net, Dataset test, Dataset calibration, InferenceContext context) {
        int features = Layer.size(net.inputShape());
        if (test.features() != features || calibration.features() != features) {
            throw new IllegalArgumentException("expected a network taking " + test.features() + " features, got input "
                    + Arrays.toString(net.inputShape()));
        }
        double software = accuracy(net, test, context.batch(), null, null);
        Calibration.run(net, calibration.x(), calibration.count(), context);
        double analog = accuracy(net, test, context.batch(), new AnalogMultiplier(context), context);
        return InferenceResult.classifier(test.count(), software, analog).withLayers(net.work());
    }

    /** Floating-point accuracy of {@code net} on {@code data}, {@code batch} samples at a time. */
    public static double accuracy(Network net, Dataset data, int batch) {
        return accuracy(net, data, batch, null, null);
    }

    /** Accuracy with products from {@code m} (null: floating point), a batch at a time. */
    static double accuracy(Network net, Dataset data, int batch, AnalogMultiplier m, InferenceContext progress) {
        int classes = Layer.size(net.outputShape());
        int features = data.features();
        int correct = 0;
        for (int from = 0; from < data.count(); from += batch) {
            int n = Math.min(batch, data.count() - from);
            float[] x = Arrays.copyOfRange(data.x(), from * features, (from + n) * features);
            float[] y = m == null ? net.forward(x, n) : net.forward(x, n, m);
            for (int b = 0; b < n; b++) {
                if (argmax(y, b * classes, classes) == data.label(from + b)) {
                    correct++;
                }
            }
            if (progress != null) {
                progress.progress(from + n, data.count());
            }
        }
        return data.count() == 0 ? Double.NaN : (double) correct / data.count();
    }

    static int argmax(float[] v, int offset, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (v[offset + i] > v[offset + best]) {
                best = i;
            }
        }
        return best;
    }
}
