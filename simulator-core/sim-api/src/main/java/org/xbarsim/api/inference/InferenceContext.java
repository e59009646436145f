package org.xbarsim.api.inference;

import org.xbarsim.api.workload.WorkloadContext;

/**
 * What the host hands an inference workload: its own context (parameters, data paths, error
 * reporting) and the programmed layers, in the order {@code layers()} returned them.
 */
public interface InferenceContext {

    WorkloadContext workload();

    int layerCount();

    AnalogLayer layer(int index);

    /** Samples per {@link AnalogLayer#multiply} call the scenario asks for ({@code inference.batch}). */
    int batch();

    /** Evaluation samples the scenario asks for ({@code inference.samples}); 0 means all. */
    long samples();

    /** Reports progress (samples done of total) for long evaluations; cheap to call often. */
    void progress(long done, long total);
}
