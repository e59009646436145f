package org.xbarsim.api.device;

import org.pf4j.ExtensionPoint;
import org.xbarsim.api.param.Component;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.random.RandomStream;

/**
 * Device physics, supplied by a plugin: how a population of NVM devices is made (device-to-device
 * variability), how it answers SET and RESET pulses (cycle-to-cycle variability), how noisy a read
 * is, and how it drifts. Scenario key prefix: {@code device.}.
 */
public interface DeviceModel extends ExtensionPoint, Component {

    /**
     * Makes {@code count} devices, drawing their fixed parameters from {@code fabrication}.
     * The returned array starts with every device in its reset state.
     */
    DeviceArray fabricate(Parameters parameters, int count, RandomStream fabrication);
}
