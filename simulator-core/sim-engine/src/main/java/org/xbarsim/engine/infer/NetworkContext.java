package org.xbarsim.engine.infer;

import org.xbarsim.api.inference.AnalogLayer;
import org.xbarsim.api.inference.InferenceContext;
import org.xbarsim.api.workload.WorkloadContext;

/**
 * What a network workload is handed to evaluate on the programmed chip: its own context and the
 * chip's layers, with the batch and sample count the scenario asks for.
 *
 * @param progress told the samples done of the total, or a no-op
 */
public record NetworkContext(WorkloadContext workload, AnalogNetwork network, int batch, long samples,
                             Progress progress) implements InferenceContext {
    /** Where progress goes. */
    @FunctionalInterface
    public interface Progress {
        void progress(long done, long total);

        /** Progress nobody watches. */
        Progress NONE = (done, total) -> { };
    }

    @Override
    public int layerCount() {
        return network.layerCount();
    }

    @Override
    public AnalogLayer layer(int index) {
        return network.layer(index);
    }

    @Override
    public void progress(long done, long total) {
        progress.progress(done, total);
    }
}
