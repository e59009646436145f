package org.xbarsim.plugins.ideal;

import static org.xbarsim.api.param.Quantity.CONDUCTANCE;
import static org.xbarsim.api.param.Quantity.NUMBER;

import java.util.List;
import org.pf4j.Extension;
import org.xbarsim.api.device.DeviceArray;
import org.xbarsim.api.device.DeviceModel;
import org.xbarsim.api.device.StuckFaults;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.param.Preset;
import org.xbarsim.api.random.RandomStream;

/**
 * An ideal device: every device identical, a SET of amplitude a and width w adds exactly
 * min(a, maxAmplitude) w alpha up to Gmax, RESET
 * returns exactly to gReset, reads are noiseless and nothing drifts. What is left between a policy
 * and a perfect weight is its own step size, its budget and the ADC's quantisation: the upper bound
 * against which the other technologies' Pfail is measured. Stuck-at faults still apply.
 */
@Extension
public class IdealDeviceModel implements DeviceModel {

    static final List<ParameterSpec> PARAMETERS = StuckFaults.withFaults(List.of(
            ParameterSpec.of("gmax", CONDUCTANCE, "25uS", 1, 1000, "Maximum conductance of every device."),
            ParameterSpec.of("alpha", CONDUCTANCE, "1.0uS", 1e-4, 100, "Step of a unit-strength SET pulse."),
            ParameterSpec.of("gReset", CONDUCTANCE, "0uS", 0, 1000, "Conductance after a RESET pulse."),
            ParameterSpec.of("maxAmplitude", NUMBER, "2.0", 0.01, 1000,
                    "Largest useful SET amplitude (relative to the nominal SET pulse): a stronger SET steps as one "
                            + "of this amplitude, as the drivers deliver no more (PCM's RESET amplitude by default).")
    ));

    @Override
    public String id() {
        return "ideal";
    }

    @Override
    public String description() {
        return "Ideal device: identical, linear, noise-free SET steps bounded at Gmax, exact RESET, no read noise, "
                + "no drift: the upper bound a programming policy can reach.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public List<Preset> presets() {
        return List.of(Preset.fromResource(IdealDeviceModel.class, "default", "default.properties"));
    }

    @Override
    public DeviceArray fabricate(Parameters p, int count, RandomStream fabrication) {
        return new IdealArray(p, count, fabrication);
    }
}
