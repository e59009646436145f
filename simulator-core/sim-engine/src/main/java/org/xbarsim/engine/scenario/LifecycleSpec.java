package org.xbarsim.engine.scenario;

import static org.xbarsim.api.param.Quantity.FREQUENCY;
import static org.xbarsim.api.param.Quantity.INTEGER;
import static org.xbarsim.api.param.Quantity.NUMBER;
import static org.xbarsim.api.param.Quantity.TIME;

import java.util.List;
import org.xbarsim.api.param.ParameterSpec;

/**
 * The {@code lifecycle.*} keys: a chip's working life after its first programming (issue 14). A
 * scenario with any of them follows the programmed network through simulated time: serving requests,
 * drifting, drift-compensation reads, refreshes in place, a new network loaded. Only network workloads
 * (those that run inference) accept them.
 */
public final class LifecycleSpec {
    private static final double YEAR = 365.25 * 86400;

    public static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.of("duration", TIME, "1y", 1, 1000 * YEAR,
                    "Simulated working life, from the end of the first programming."),
            ParameterSpec.of("requestRate", FREQUENCY, "1kHz", 0, 1e12,
                    "Inference requests a second the chip serves, one sample each (what serving energy is counted for)."),
            ParameterSpec.of("evaluation.points", INTEGER, "12", 1, 1000,
                    "Times the network is evaluated, spaced evenly in log time from evaluation.first to the end."),
            ParameterSpec.of("evaluation.first", TIME, "1s", 1e-9, 1000 * YEAR,
                    "The first evaluation, after the first programming."),
            ParameterSpec.of("evaluation.samples", INTEGER, "1000", 0, 1e9,
                    "Evaluation samples at each point (the first ones of the evaluation set); 0 for all."),
            ParameterSpec.of("compensation.every", TIME, "1d", 0, 1000 * YEAR,
                    "Period of drift-compensation reads (every row read, each layer rescaled by the mean drift "
                            + "they measure); 0 for none."),
            ParameterSpec.of("refresh.every", TIME, "0s", 0, 1000 * YEAR,
                    "Period of refreshes in place (every row read, the weights out of tolerance programmed again "
                            + "from the state they have; the network offline meanwhile); 0 for none."),
            ParameterSpec.of("refresh.trigger", NUMBER, "0", 0, 1,
                    "Refresh also when a compensation read finds more than this fraction of the weights out of "
                            + "tolerance; 0 for never."),
            ParameterSpec.of("refresh.tolerance", NUMBER, "1", 0.1, 100,
                    "A weight is out of tolerance when it is further than this many programming tolerances "
                            + "(programming.tol) from its target."),
            ParameterSpec.choice("refresh.baseline", "off", List.of("off", "on"),
                    "Also follow the same chip through the same life without any refresh, for comparison."),
            ParameterSpec.of("swap.at", TIME, "0s", 0, 1000 * YEAR,
                    "When a new network is loaded, programmed over the old one (the network offline meanwhile); "
                            + "0 for never."),
            ParameterSpec.path("swap.model",
                    "The new network's model (the workload's model key) for the swap; by default the same network "
                            + "is loaded again.")
    );

    private LifecycleSpec() {
    }
}
