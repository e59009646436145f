package org.xbarsim.engine.run;

import org.xbarsim.api.device.DeviceModel;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.programming.ProgrammingPolicy;
import org.xbarsim.api.random.RandomStreams;
import org.xbarsim.engine.hw.ChipConfig;

/**
 * Everything a programming run needs, resolved: the chip, the device and policy extensions with
 * their parameters, and the random streams of the scenario seed.
 *
 * @param tolerance success criterion |W_true - W_target| <= tolerance, uS
 */
public record RunPlan(ChipConfig chip, DeviceModel device, Parameters deviceParameters, ProgrammingPolicy policy,
                      Parameters policyParameters, RandomStreams streams, double tolerance) {
}
