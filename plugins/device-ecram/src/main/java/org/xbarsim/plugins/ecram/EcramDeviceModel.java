package org.xbarsim.plugins.ecram;

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
 * Electrochemical RAM, after aihwkit's {@code LinearStepDevice} as fitted by its
 * {@code EcRamPresetDevice}: each pulse moves a fixed charge of ions into (potentiation) or out of
 * (depression) the channel, so steps are nearly constant over the window and the same size both ways
 * at the symmetry point. Device i has a window [Gmin_i, Gmax_i], a step alpha_i and the symmetry
 * point Gsym_i = Gmin_i + symmetryPoint (Gmax_i - Gmin_i).
 * <ul>
 *   <li>Potentiation (SET) of strength s: mean step s alpha_i (1 - gammaUp (G - Gsym_i) / (Gmax_i -
 *       Gsym_i)); depression of strength s: mean step s alpha_i (1 - gammaDown (Gsym_i - G) / (Gsym_i -
 *       Gmin_i)). Both equal s alpha_i at Gsym_i and change linearly away from it: aihwkit's slopes
 *       -gamma_up / w_max and -gamma_down / w_min with the range shifted so that w = 0 is Gsym.
 *       Cycle-to-cycle noise is multiplicative (aihwkit's mult_noise): the step times
 *       (1 + c2c xi). G is clipped to the window (hard bounds, as the linear step does not vanish).</li>
 *   <li>RESET (the policy's RESET operation) is one strong depression pulse of strength
 *       {@code resetStrength}: with the default it empties the channel to Gmin_i.</li>
 *   <li>Reads: Gaussian noise readRel G + readAbs. Drift: none by default (the channel's ion content
 *       is retained; Tang et al. report stable states), optionally the power law G (t/t0)^-nu.</li>
 * </ul>
 */
@Extension
public class EcramDeviceModel implements DeviceModel {

    static final List<ParameterSpec> PARAMETERS = StuckFaults.withFaults(List.of(
            ParameterSpec.of("gminMean", CONDUCTANCE, "0.1uS", 0, 1000, "Mean of the device minimum conductance Gmin."),
            ParameterSpec.of("gmaxMean", CONDUCTANCE, "25uS", 1, 1000, "Mean of the device maximum conductance Gmax."),
            ParameterSpec.of("boundSigmaRel", NUMBER, "0.05", 0, 2,
                    "Device-to-device spread of Gmin and Gmax, standard deviation relative to their means."),
            ParameterSpec.of("symmetryPoint", NUMBER, "0.4138", 0.01, 0.99,
                    "Where in the window up and down steps are equal, as a fraction from Gmin."),
            ParameterSpec.of("alphaMedian", CONDUCTANCE, "1.0uS", 1e-4, 100,
                    "Median step of a unit-strength pulse at the symmetry point (both directions)."),
            ParameterSpec.of("alphaSigmaLn", NUMBER, "0.10", 0, 3,
                    "Device-to-device spread of the step: standard deviation of its logarithm."),
            ParameterSpec.of("gammaUp", NUMBER, "0.1153", 0, 1,
                    "Potentiation nonlinearity: relative step change from the symmetry point to Gmax."),
            ParameterSpec.of("gammaDown", NUMBER, "0.5085", 0, 1,
                    "Depression nonlinearity: relative step change from the symmetry point to Gmin. Acts on "
                            + "RESET, the only depression the programming API has: at the default resetStrength a "
                            + "RESET reaches Gmin whatever its value; it matters for weaker RESETs."),
            ParameterSpec.of("gammaSigmaRel", NUMBER, "0.05", 0, 2,
                    "Device-to-device spread of gammaUp and gammaDown, relative (clipped to 0..1)."),
            ParameterSpec.of("c2c", NUMBER, "0.05", 0, 5,
                    "Multiplicative cycle-to-cycle noise of a step, relative to the step."),
            ParameterSpec.of("resetStrength", NUMBER, "100", 0, 1e6,
                    "Strength of the depression pulse a RESET operation applies.")),
            DeviceArrayBase.readAndDriftParameters("0.002", "0.02uS", "0", 0, "0", "20s"));

    @Override
    public String id() {
        return "ecram";
    }

    @Override
    public String description() {
        return "Electrochemical RAM: near-linear, symmetric potentiation and depression steps, small multiplicative "
                + "cycle-to-cycle noise, low device-to-device variability, RESET by one strong depression pulse, "
                + "negligible drift.";
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
