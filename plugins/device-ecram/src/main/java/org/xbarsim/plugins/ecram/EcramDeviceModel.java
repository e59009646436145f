package org.xbarsim.plugins.ecram;

import static org.xbarsim.api.param.Quantity.CONDUCTANCE;
import static org.xbarsim.api.param.Quantity.NUMBER;

import java.util.List;
import org.pf4j.Extension;
import org.xbarsim.api.device.DeviceArray;
import org.xbarsim.api.device.AihwkitPulsedDevice;
import org.xbarsim.api.device.DeviceArrayBase;
import org.xbarsim.api.device.DeviceModel;
import org.xbarsim.api.device.StuckFaults;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.param.Preset;
import org.xbarsim.api.random.RandomStream;

/**
 * Electrochemical RAM as aihwkit defines its {@code LinearStepDevice}, with the parameters of its
 * {@code EcRamPresetDevice} (src/aihwkit/simulator/presets/devices.py lines 147-185, a fit to Tang et
 * al., IEDM 2018), in aihwkit's weight units, mapped to conductance as G = gAtZero +
 * conductancePerUnit w (w = 0 is the symmetry point: the preset shifts the range so that it is).
 * <ul>
 *   <li>Device-to-device (rpucuda/rpu_pulsed_device.cpp lines 600-640): bounds b_max = w_max (1 +
 *       wMaxDtod z), b_min = w_min (1 + wMinDtod z), each relative to its own mean bound, swapped if
 *       crossed and made b_max >= 0 >= b_min; gain = 1 + dwMinDtod z (Gaussian), r = upDownDtod z,
 *       step scales a_up = |gain + r + up bias| dwMin, a_down = |gain - r + down bias| dwMin.
 *       Nonlinearities (rpu_linearstep_device.cpp lines 35-71): gamma = |gamma_mean + gamma_dtod z|, an
 *       additive spread; slopes b_up = gamma_up a_up / w_max and b_down = gamma_down a_down / |w_min|,
 *       referred to the mean bounds (mean_bound_reference), not the device's own.</li>
 *   <li>One minimal pulse (rpu_linearstep_device.cpp lines 126-132, multiplicative noise): up w +=
 *       (a_up - b_up w)(1 + dwMinStd xi), down w -= (a_down + b_down w)(1 + dwMinStd xi), clipped to the
 *       bounds. The step falls linearly from the symmetry point to (1 - gamma) of it at the mean bound.</li>
 *   <li>A SET of amplitude a and width w applies n = min(a, maxAmplitude) w pulsesPerUnit minimal
 *       potentiation pulses, taken in one step ({@link LinearStepPulses}: exact mean, variance exact to
 *       1e-8); a RESET (xbarsim's operation, not aihwkit's) applies resetStrength x pulsesPerUnit
 *       depression pulses, which empty the channel to b_min.</li>
 *   <li>Not from aihwkit (xbarsim's assumptions, stated in the preset): the conductance mapping, the
 *       pulse counts, the amplitude limit, read noise readRel G + readAbs; no drift by default (the
 *       preset has no leakage, Tang et al. report stable states).</li>
 * </ul>
 */
@Extension
public class EcramDeviceModel implements DeviceModel {

    static final List<ParameterSpec> PARAMETERS = StuckFaults.withFaults(
            AihwkitPulsedDevice.parameters("0.1", "1.1724", "0.05", "-0.8276", "0.05"),
            List.of(
            ParameterSpec.of("dwMinStd", NUMBER, "0.3", 0, 10,
                    "aihwkit dw_min_std: multiplicative cycle-to-cycle noise of a minimal pulse, relative to its step."),
            ParameterSpec.of("gammaUp", NUMBER, "0.1153", 0, 10,
                    "aihwkit gamma_up: relative fall of the up step from the symmetry point to the mean upper bound."),
            ParameterSpec.of("gammaUpDtod", NUMBER, "0.05", 0, 10,
                    "aihwkit gamma_up_dtod: device-to-device spread of gamma_up, additive."),
            ParameterSpec.of("gammaDown", NUMBER, "0.5085", 0, 10,
                    "aihwkit gamma_down: relative fall of the down step from the symmetry point to the mean lower bound."),
            ParameterSpec.of("gammaDownDtod", NUMBER, "0.05", 0, 10,
                    "aihwkit gamma_down_dtod: device-to-device spread of gamma_down, additive."),
            ParameterSpec.choice("meanBoundReference", "on", List.of("on", "off"),
                    "aihwkit mean_bound_reference: slopes referred to the mean bounds (on) or each device's own (off)."),
            ParameterSpec.of("conductancePerUnit", CONDUCTANCE, "12.5uS", 1e-3, 1000,
                    "Conductance of one aihwkit weight unit."),
            ParameterSpec.of("gAtZero", CONDUCTANCE, "13.5uS", 0, 1000,
                    "Conductance at weight 0, the symmetry point."),
            ParameterSpec.of("pulsesPerUnit", NUMBER, "40", 1e-3, 1e6,
                    "Minimal aihwkit pulses a SET of unit amplitude and width applies."),
            ParameterSpec.of("resetStrength", NUMBER, "100", 0, 1e6,
                    "A RESET is a depression of this many unit pulses (times pulsesPerUnit minimal pulses)."),
            ParameterSpec.of("maxAmplitude", NUMBER, "2.0", 0.01, 1000,
                    "Largest useful SET amplitude: beyond it the gate drive leaves the electrolyte's window and the "
                            + "extra charge does not reach the channel (assumed), so a stronger SET applies no more pulses.")),
            DeviceArrayBase.readAndDriftParameters("0.002", "0.02uS", "0", 0, "0", "20s"));

    @Override
    public String id() {
        return "ecram";
    }

    @Override
    public String description() {
        return "Electrochemical RAM as aihwkit's linear-step device (EcRamPresetDevice): near-linear, symmetric "
                + "steps with additive nonlinearity spread and mean-bound slopes, small multiplicative cycle-to-cycle "
                + "noise, Gaussian device-to-device spreads in its weight units, RESET by a strong depression.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public List<Preset> presets() {
        return List.of(Preset.fromResource(EcramDeviceModel.class, "default", "default.properties"));
    }

    @Override
    public DeviceArray fabricate(Parameters p, int count, RandomStream fabrication) {
        return new EcramArray(p, count, fabrication);
    }
}
