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
 * <p>Pulse strength. A SET of amplitude a and width w (relative to the nominal SET pulse) steps by
 * a w alpha (1 - G / Gmax). Above the melting amplitude the hottest part of the cell melts and is
 * quenched amorphous, so a stronger SET partly RESETs the device instead of raising it more: the
 * amorphised fraction grows linearly to 1 at the RESET amplitude (see {@link PcmArray}). The
 * amplitudes are relative to the nominal SET current; NVSim's PCM cell (science.md section 7) SETs
 * with 150 uA and RESETs (melts and quenches the whole cell) with 300 uA, so the RESET amplitude is
 * 2. Where melting starts between the two is an assumption: 1.5, three quarters of the RESET current
 * (a Joule-heated cell's peak temperature grows as I^2, so 1.5 I_SET heats it 2.25 times as much as a
 * SET, which is designed to crystallise below the melting point, at 1.4-1.8 times less temperature rise).
 * A SET's width has its own limit, {@code maxWidth}: a SET crystallises the amorphous plug until it is
 * all crystalline, the complete-set time (Kang et al., Appl. Phys. Lett. 87, 253504, 2005, measure it
 * as the last of a SET's three characteristic times); a longer pulse costs its time and energy and
 * adds nothing. In the step law a pulse of w nominal widths moves a RESET device by w alpha, so the
 * complete-set width is gmaxMean / alphaMedian = 25 by default (5 us at the nominal 200 ns). The
 * linear law with the (1 - G / Gmax) of the pulse's start is already optimistic for long pulses (the
 * factor shrinks as the pulse goes on), so the limit is generous.
 *
 * <p>Post-programming relaxation ({@code relaxation}, 0 by default): in the seconds after a row's
 * last pulse every device moves by a Gaussian step of standard deviation relaxation x
 * sqrt(sigma_prog(G)^2 - sigma_prog(0)^2), before anything reads it again. sigma_prog is aihwkit's
 * programming-noise law (see {@link PcmStatistics}): the spread IBM measured after its
 * program-and-verify, whose floor sigma_prog(0) is what a verify loop leaves whatever the target and
 * whose growth with G is what the loop cannot see. xbarsim simulates the loop, so its relaxation
 * carries only the growth. Real PCM relaxes structurally in the seconds after a pulse, which a verify
 * read microseconds later does not see.
 *
 * <p>Three parameters switch to aihwkit's statistical PCM laws ({@link PcmStatistics}, preset
 * {@code aihwkit-statistical}): drift from the end of programming with the conductance-dependent
 * exponent, 1/f inference read noise, and that noise drawn once per inference time (as aihwkit does:
 * errors then correlate across the reads of one inference time, for example an LSTM's time steps)
 * rather than afresh for each read. Their defaults keep the per-device laws of science.md.
 */
@Extension
public class PcmDeviceModel implements DeviceModel {

    /** The word that selects one of the statistical laws of {@link PcmStatistics}. */
    static final String AIHWKIT = "aihwkit";
    static final String PER_READ = "per-read";
    static final String PER_INFERENCE_TIME = "per-inference-time";

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
            ParameterSpec.of("resetRel", NUMBER, "0.10", 0, 5, "Relative noise of the RESET conductance."),
            ParameterSpec.of("meltAmplitude", NUMBER, "1.5", 0.01, 1000,
                    "SET amplitude (relative to the nominal SET current) above which the cell starts to melt: a "
                            + "stronger SET partly RESETs it (assumed 0.75 of the RESET current, see resetAmplitude)."),
            ParameterSpec.of("resetAmplitude", NUMBER, "2.0", 0.01, 1000,
                    "SET amplitude at which the whole cell melts and a SET becomes a RESET: NVSim's PCM cell RESETs "
                            + "with 300 uA against 150 uA for SET."),
            ParameterSpec.of("maxWidth", NUMBER, "25", 0.01, 1e6,
                    "Longest useful SET width (relative to chip.timing.set): the complete-set time, after which the "
                            + "cell is crystalline and a longer pulse adds nothing (Kang et al., APL 2005); 25 = "
                            + "gmaxMean / alphaMedian, the widths that take a RESET device to Gmax at the nominal step."),
            ParameterSpec.of("relaxation", NUMBER, "0", 0, 10,
                    "Post-programming relaxation: each device moves by relaxation x sqrt(sigma_prog(G)^2 - "
                            + "sigma_prog(0)^2) (aihwkit's programming-noise law above its floor) in the seconds after its "
                            + "row's last pulse; 0 for none.")),
            DeviceArrayBase.readAndDriftParameters("0.005", "0.05uS", "0.05", 0, "0.01", "20s"), List.of(
            ParameterSpec.choice("driftLaw", "per-device", List.of("per-device", AIHWKIT),
                    "Drift: per-device (G (t/t0)^-nu after t0, nu from driftNuMean, driftNuSigma) or aihwkit "
                            + "(G ((t + t0)/t0)^-nu from the end of programming, nu's mean and spread functions of G)."),
            ParameterSpec.choice("readNoiseLaw", "gaussian", List.of("gaussian", AIHWKIT),
                    "Inference read noise: gaussian (readRel, readAbs) or aihwkit (1/f noise growing with the time "
                            + "since programming); verify reads always use readRel, readAbs."),
            ParameterSpec.choice("readNoiseSampling", PER_READ, List.of(PER_READ, PER_INFERENCE_TIME),
                    "Inference read noise drawn afresh for every read (per-read) or once per device and inference "
                            + "time and then held, as aihwkit does (per-inference-time: errors correlate across "
                            + "the reads of one time, e.g. an LSTM's steps)."),
            ParameterSpec.of("statGReference", CONDUCTANCE, "25uS", 1, 1000,
                    "Conductance the aihwkit laws normalise by (g_T = G / statGReference); their fit used 25 uS."),
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
