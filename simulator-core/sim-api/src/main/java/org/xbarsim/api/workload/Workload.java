package org.xbarsim.api.workload;

import java.util.List;
import org.pf4j.ExtensionPoint;
import org.xbarsim.api.param.Component;

/**
 * A workload, supplied by a plugin: the weight matrices to program (and, for DNN workloads, what
 * to run on them afterwards). Scenario key prefix: {@code workload.}.
 */
public interface Workload extends ExtensionPoint, Component {

    /**
     * The layers to program, in order.
     *
     * @throws org.xbarsim.api.io.InputError when a file the parameters name is missing or malformed
     */
    List<WeightLayer> layers(WorkloadContext context);
}
