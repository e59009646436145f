package org.xbarsim.plugins.pcm;

import static org.xbarsim.api.param.Quantity.CONDUCTANCE;
import static org.xbarsim.api.param.Quantity.NUMBER;
import static org.xbarsim.api.param.Quantity.TIME;

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
 * Phase-change memory (science.md section 3): a SET pulse raises conductance by a step that shrinks
 * as the device nears its maximum, with cycle-to-cycle noise; RESET is the only way down; reads are
 * noisy; conductance drifts down as a power law after programming. Device-to-device variability in
 * the maximum conductance, the step size and the drift exponent; optional stuck-at faults.
 *
 * <p>Three parameters switch laws to aihwkit's statistical PCM model (see {@link PcmStatistics},
 * preset {@code aihwkit-statistical}); their defaults keep the per-pulse model of science.md.
 */
@Extension
public class PcmDeviceModel implements DeviceModel {

    /** The word that selects one of the statistical laws of {@link PcmStatistics}. */
    static final String AIHWKIT = "aihwkit";

    static final List<ParameterSpec> PARAMETERS = StuckFaults.withFaults(List.of(
            ParameterSpec.of("gmaxMean", CONDUCTANCE, "25uS", 1, 1000,
                    "Mean of the device maximum conductance Gmax over the chip."),
            ParameterSpec.of("gmaxSigmaRel", NUMBER, "0.20", 0, 2,
                    "Device-to-device spread of Gmax, standard deviation relative to its mean."),
            ParameterSpec.of("alphaMedian", CONDUCTANCE, "1.0uS", 1e-4, 100,
                    "Median SET step of a unit-strength pulse at G = 0."),
            ParameterSpec.of("alphaSigmaLn", NUMBER, "0.40", 0, 3,
                    "Device-to-device spread of the SET step: standard deviation of its logarithm."),
            ParameterSpec.of("c2c", NUMBER, "0.50", 0, 5,
                    "Cycle-to-cycle noise of a SET step, relative to the device's step size."),
            ParameterSpec.of("gReset", CONDUCTANCE, "0.1uS", 0, 100, "Conductance after a RESET pulse."),
            ParameterSpec.of("resetRel", NUMBER, "0.10", 0, 5, "Relative noise of the RESET conductance.")),
            DeviceArrayBase.readAndDriftParameters("0.005", "0.05uS", "0.05", 0, "0.01", "20s"), List.of(
            ParameterSpec.choice("programmingNoise", "per-pulse", List.of("per-pulse", AIHWKIT),
                    "SET noise law: per-pulse (c2c times the step) or aihwkit (the statistical programming-noise "
                            + "law sigma_prog(G) per unit pulse, Nandakumar et al. 2019)."),
            ParameterSpec.choice("driftLaw", "per-device", List.of("per-device", AIHWKIT),
                    "Drift exponent: per-device (driftNuMean, driftNuSigma) or aihwkit (mean and spread of nu as "
                            + "functions of the programmed conductance)."),
            ParameterSpec.choice("readNoiseLaw", "gaussian", List.of("gaussian", AIHWKIT),
                    "Inference read noise: gaussian (readRel, readAbs) or aihwkit (1/f noise growing with the time "
                            + "since programming); verify reads always use readRel, readAbs."),
            ParameterSpec.of("statGReference", CONDUCTANCE, "25uS", 1, 1000,
                    "Conductance the aihwkit laws normalise by (g_T = G / statGReference); their fit used 25 uS."),
            ParameterSpec.of("progNoiseScale", NUMBER, "1.0", 0, 10,
                    "Factor on the aihwkit programming-noise law."),
            ParameterSpec.of("readTime", TIME, "250ns", 1e-12, 1,
                    "t_read of the aihwkit 1/f read-noise law.")));

    @Override
    public String id() {
        return "pcm";
    }

    @Override
    public String description() {
        return "Phase-change memory: soft-bounded unidirectional SET steps with device-to-device and "
                + "cycle-to-cycle variability, RESET to a low state, Gaussian read noise, power-law drift.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public List<Preset> presets() {
        return List.of(Preset.fromResource(PcmDeviceModel.class, "default", "default.properties"),
                Preset.fromResource(PcmDeviceModel.class, "aihwkit-statistical", "aihwkit-statistical.properties"));
    }

    @Override
    public DeviceArray fabricate(Parameters p, int count, RandomStream fabrication) {
        return new PcmArray(p, count, fabrication);
    }
}
