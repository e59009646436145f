package org.xbarsim.api.inference;

import org.xbarsim.api.workload.Workload;

/**
 * A workload that, once its layers are programmed into the tiles, runs its network through them:
 * the question users bring is not only how many weights miss but what that does to the network.
 * The host programs {@link #layers} first, then calls {@link #evaluate} with a context whose
 * {@link AnalogLayer}s compute each layer's products on the programmed hardware.
 */
public interface InferenceWorkload extends Workload {

    /**
     * Runs the network on its evaluation data twice, in floating point and through the analog
     * layers, and reports both.
     *
     * @throws org.xbarsim.api.io.InputError when the evaluation data is missing or malformed
     */
    InferenceResult evaluate(InferenceContext context);
}
