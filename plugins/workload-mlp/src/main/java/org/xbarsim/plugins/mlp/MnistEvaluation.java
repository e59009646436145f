package org.xbarsim.plugins.mlp;

import java.nio.file.Path;
import org.xbarsim.api.inference.InferenceContext;
import org.xbarsim.api.inference.InferenceResult;
import org.xbarsim.api.workload.WorkloadContext;
import org.xbarsim.nn.data.Dataset;
import org.xbarsim.nn.data.Mnist;
import org.xbarsim.nn.infer.Classification;
import org.xbarsim.nn.net.Network;

/** What the MNIST workloads share: the data, and which images calibrate and which are scored. */
final class MnistEvaluation {
    private MnistEvaluation() {
    }

    /**
     * Scores the first {@code inference.samples} test images (all by default); the converters are
     * calibrated on the first {@code inference.batch} training images, never on scored ones.
     */
    static InferenceResult run(Network net, WorkloadContext wc, InferenceContext context) {
        // The host decides whether this run may fetch (never for a cluster peer's point or a replay) and
        // may name the data directory (a worker's --data-dir).
        Path dataDir = wc.parameters().has("dataDir") ? wc.resolve("dataDir")
                : wc.access().dataDir().orElse(Mnist.defaultDataDir());
        Mnist mnist = Mnist.load(dataDir, wc.access().downloads());
        Dataset test = mnist.test();
        int count = context.samples() > 0 ? (int) Math.min(context.samples(), test.count()) : test.count();
        Dataset calibration = mnist.train().slice(0, Math.min(context.batch(), mnist.train().count()));
        return Classification.evaluate(net, test.slice(0, count), calibration, context);
    }
}
