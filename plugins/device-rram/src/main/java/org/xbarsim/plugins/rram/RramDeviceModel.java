package org.xbarsim.plugins.rram;

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
 * Bidirectional filamentary RRAM as aihwkit defines its {@code SoftBoundsReferenceDevice}, with the
 * parameters of its {@code ReRamSBPresetDevice} (src/aihwkit/simulator/presets/devices.py lines
 * 57-89, a fit to Gong et al., Nat. Commun. 9, 2102 (2018)), in aihwkit's own weight units, mapped to
 * conductance as G = gAtZero + conductancePerUnit w (w = 0 is the symmetry point, where aihwkit's
 * reference device sits).
 * <ul>
 *   <li>Device-to-device (rpucuda/rpu_pulsed_device.cpp lines 600-640): bounds b_max = w_max (1 +
 *       wMaxDtod z), b_min = w_min (1 + wMinDtod z), each spread relative to its own mean bound, then
 *       swapped if crossed and made b_max >= 0 >= b_min; gain = 1 + dwMinDtod z (Gaussian), r =
 *       upDownDtod z, step scales a_up = |gain + r + up bias| dwMin and a_down = |gain - r + down bias|
 *       dwMin.</li>
 *   <li>One minimal up pulse (rpu_softbounds_reference_device.cpp lines 155-173, additive noise):
 *       w += a_up (1 - w / b_max + dwMinStd xi), clipped to [b_min, b_max]; down: w -= a_down (1 - w /
 *       b_min + dwMinStd xi). Write noise: the weight reads see is w + writeNoiseStd dwMin xi, drawn
 *       afresh each time the device is pulsed (rpu_pulsed_device.h line 104), while pulses move w.</li>
 *   <li>A SET of amplitude a and width w applies n = min(a, maxAmplitude) w pulsesPerUnit minimal up
 *       pulses; a RESET applies resetPulses minimal down pulses (aihwkit has no RESET for this device:
 *       a strong depression is xbarsim's). The n pulses are taken in one step: without the clip, one
 *       soft-bounded pulse is w' = q w + a + a dwMinStd xi with q = 1 - a / b, whose n-fold composition is
 *       exactly w_n = b + (w_0 - b) q^n plus Gaussian noise of variance (a dwMinStd)^2 (1 - q^2n) /
 *       (1 - q^2). aihwkit clips every pulse at the bounds: within 4 single-pulse spreads of the bound
 *       the pulses move away from (a device just RESET), pulses are taken one at a time with that clip;
 *       at the bound they approach, the clip of the final result becomes a reflection into [b_min, b_max],
 *       its limit for small pulses (a pulse's noise is 7% of the spread a RESET settles to at b_min).</li>
 *   <li>Not from aihwkit (xbarsim's assumptions, stated in the preset): the conductance mapping, the
 *       pulse counts, the amplitude limit (the access transistor's compliance caps the SET current),
 *       read noise readRel G + readAbs, and a small two-sided relaxation G (t/t0)^-nu with nu not
 *       clipped at 0.</li>
 * </ul>
 */
@Extension
public class RramDeviceModel implements DeviceModel {

    static final List<ParameterSpec> PARAMETERS = StuckFaults.withFaults(
            AihwkitPulsedDevice.parameters("0.3", "1.25", "0.24", "-0.75", "0.4"),
            List.of(
            ParameterSpec.of("dwMinStd", NUMBER, "3.75", 0, 100,
                    "aihwkit dw_min_std: additive cycle-to-cycle noise of a minimal pulse, in units of its step."),
            ParameterSpec.of("writeNoiseStd", NUMBER, "56", 0, 1000,
                    "aihwkit write_noise_std: noise on the weight reads see, redrawn at each pulse, in units of dw_min."),
            ParameterSpec.of("conductancePerUnit", CONDUCTANCE, "12uS", 1e-3, 1000,
                    "Conductance of one aihwkit weight unit."),
            ParameterSpec.of("gAtZero", CONDUCTANCE, "27uS", 0, 1000,
                    "Conductance at weight 0, the symmetry point (aihwkit's reference device)."),
            ParameterSpec.of("pulsesPerUnit", NUMBER, "26", 1e-3, 1e6,
                    "Minimal aihwkit pulses a SET of unit amplitude and width applies."),
            ParameterSpec.of("resetPulses", NUMBER, "3000", 0, 1e7, "Minimal down pulses a RESET applies."),
            ParameterSpec.of("maxAmplitude", NUMBER, "2.0", 0.01, 1000,
                    "Largest useful SET amplitude: the access transistor's compliance caps the SET current, so a "
                            + "stronger SET applies no more pulses than one of this amplitude.")),
            // Relaxation uses the drift law with nu not clipped at 0 (devices relax both ways).
            DeviceArrayBase.readAndDriftParameters("0.01", "0.05uS", "0", -1, "0.005", "1s"));

    @Override
    public String id() {
        return "rram";
    }

    @Override
    public String description() {
        return "Filamentary RRAM as aihwkit's soft-bounds reference device (ReRamSBPresetDevice): Gaussian "
                + "device-to-device spreads of bounds and step in its weight units, additive cycle-to-cycle noise, "
                + "write noise, soft-bounded SET and RESET, read noise and a small two-sided relaxation.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public List<Preset> presets() {
        return List.of(Preset.fromResource(RramDeviceModel.class, "default", "default.properties"));
    }

    @Override
    public DeviceArray fabricate(Parameters p, int count, RandomStream fabrication) {
        return new RramArray(p, count, fabrication);
    }
}
