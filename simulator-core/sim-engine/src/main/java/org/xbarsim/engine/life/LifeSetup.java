package org.xbarsim.engine.life;

import io.vertx.core.Vertx;
import java.util.List;
import org.xbarsim.api.io.FileAccess;
import org.xbarsim.engine.run.RunListener;
import org.xbarsim.engine.run.RunPlan;
import org.xbarsim.engine.run.TileJob;
import org.xbarsim.engine.scenario.Scenario;
import org.xbarsim.engine.trace.Recording;

/**
 * What a chip's working life runs with.
 *
 * @param vertx     the Vert.x instance every programming run and evaluation of the life deploys on
 * @param plan      the chip, devices and policy resolved, and the scenario's random streams
 * @param scenario  the scenario (inference and workload parameters, its files)
 * @param jobs      the first network's tile jobs
 * @param threads   event loops to spread rows over
 * @param listener  told of the first programming's rows and of the life's progress
 * @param recording where the life's events go, or null
 * @param access    what the workload may read and fetch (a cluster peer's point or a replay: no downloads)
 */
public record LifeSetup(Vertx vertx, RunPlan plan, Scenario scenario, List<TileJob> jobs, int threads,
                        RunListener listener, Recording recording, FileAccess access) {
    public LifeSetup {
        jobs = List.copyOf(jobs);
    }
}
