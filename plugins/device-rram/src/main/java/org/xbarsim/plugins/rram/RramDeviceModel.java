package org.xbarsim.plugins.rram;

import static org.xbarsim.api.param.Quantity.CONDUCTANCE;
import static org.xbarsim.api.param.Quantity.NUMBER;

import java.util.List;
import org.pf4j.Extension;
import org.xbarsim.api.device.DeviceArray;
import org.xbarsim.api.device.DeviceArrayBase;
import org.xbarsim.api.device.DeviceModel;
import org.xbarsim.api.device.StuckFaults;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.param.Preset;
import org.xbarsim.api.random.RandomStream;

/**
 * Bidirectional filamentary RRAM (science.md section 3, last paragraph), a soft-bounds device in the
 * sense of aihwkit's {@code SoftBoundsDevice}. Each device i has a window [Gmin_i, Gmax_i] and a step
 * alpha_i, drawn at fabrication.
 * <ul>
 *   <li>SET of strength s (a partial SET: the filament grows a little): mean step
 *       s alpha_i (1 - (G - Gmin_i) / (Gmax_i - Gmin_i)), shrinking to zero at Gmax_i, plus Gaussian
 *       cycle-to-cycle noise of standard deviation c2c s alpha_i; G is clipped to the window.</li>
 *   <li>RESET (the policy's RESET operation, one strong depression pulse that dissolves most of the
 *       filament): G moves towards Gmin_i by the soft-bounded depression rate integrated over the
 *       pulse, G <- Gmin_i + (G - Gmin_i) exp(-d), with a per-device depth d_i (log-normal spread) and
 *       relative cycle-to-cycle noise on it. The exponential is the exact integral of
 *       dG/dt = -r (G - Gmin): a strong pulse approaches Gmin without overshooting it, which a single
 *       linear step could not; with the default depth 4 a median 2% of G - Gmin remains (a mean 3.5%).</li>
 *   <li>Reads: Gaussian noise of standard deviation readRel G + readAbs.</li>
 *   <li>Relaxation: the drift law G (t/t0)^-nu_i (parameters driftNuMean, driftNuSigma, driftT0) with
 *       nu_i ~ Normal(mean, sigma) not clipped at 0, so devices
 *       relax both up and down and the distribution broadens, as measured on RRAM after write-verify
 *       (the conductance relaxation that Wan et al., Nature 608, 504 (2022) counter with iterative
 *       programming). It is small: the default spread, an order-of-magnitude assumption, broadens G by
 *       about 0.5% per e-fold of time.</li>
 * </ul>
 */
@Extension
public class RramDeviceModel implements DeviceModel {

    static final List<ParameterSpec> PARAMETERS = StuckFaults.withFaults(List.of(
            ParameterSpec.of("gminMean", CONDUCTANCE, "1uS", 0, 1000,
                    "Mean of the device minimum (high-resistance state) conductance Gmin."),
            ParameterSpec.of("gminSigmaRel", NUMBER, "0.40", 0, 2,
                    "Device-to-device spread of Gmin, standard deviation relative to its mean (clipped at 0)."),
            ParameterSpec.of("gmaxMean", CONDUCTANCE, "25uS", 1, 1000,
                    "Mean of the device maximum (low-resistance state) conductance Gmax."),
            ParameterSpec.of("gmaxSigmaRel", NUMBER, "0.24", 0, 2,
                    "Device-to-device spread of Gmax, standard deviation relative to its mean."),
            ParameterSpec.of("alphaMedian", CONDUCTANCE, "1.0uS", 1e-4, 100,
                    "Median SET step of a unit-strength pulse at G = Gmin."),
            ParameterSpec.of("alphaSigmaLn", NUMBER, "0.30", 0, 3,
                    "Device-to-device spread of the SET step: standard deviation of its logarithm."),
            ParameterSpec.of("c2c", NUMBER, "0.46", 0, 5,
                    "Cycle-to-cycle noise of a SET step, relative to the device's step size."),
            ParameterSpec.of("resetDepth", NUMBER, "4.0", 0, 100,
                    "Median depth d of a RESET pulse: G - Gmin shrinks by exp(-d)."),
            ParameterSpec.of("resetDepthSigmaLn", NUMBER, "0.30", 0, 3,
                    "Device-to-device spread of the RESET depth: standard deviation of its logarithm."),
            ParameterSpec.of("resetC2c", NUMBER, "0.20", 0, 5,
                    "Cycle-to-cycle noise of the RESET depth, relative (the depth is clipped at 0).")),
            // Relaxation uses the drift law with nu not clipped at 0 (devices relax both ways).
            DeviceArrayBase.readAndDriftParameters("0.01", "0.05uS", "0", -1, "0.005", "1s"));

    @Override
    public String id() {
        return "rram";
    }

    @Override
    public String description() {
        return "Filamentary RRAM: bidirectional soft-bounded partial SET steps and strong soft-bounded RESET, "
                + "device-to-device variability of Gmin, Gmax and steps, cycle-to-cycle noise, read noise, "
                + "small two-sided relaxation.";
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
