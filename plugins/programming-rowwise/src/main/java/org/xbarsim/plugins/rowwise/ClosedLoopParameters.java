package org.xbarsim.plugins.rowwise;

import static org.xbarsim.api.param.Quantity.CONDUCTANCE;
import static org.xbarsim.api.param.Quantity.INTEGER;
import static org.xbarsim.api.param.Quantity.NUMBER;

import java.util.List;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.programming.ProgrammingPolicy;
import org.xbarsim.api.programming.PulseMode;

/**
 * The knobs of the closed-loop policy of science.md section 4, with its defaults.
 *
 * @param sMsp   SET strength in the MSP phase
 * @param sLsp   SET strength in the LSP phase
 * @param margin the MSP phase stops a column this far short of its target, uS, leaving the rest to
 *               the LSP (which can correct both ways, while an MSP overshoot cannot be undone)
 * @param accept the LSP phase accepts a column within accept * tol of its target
 * @param tol    success tolerance, uS
 * @param nMsp   pulse budget of the MSP phase
 * @param nLsp   pulse budget of the LSP phase
 * @param mode   how a SET's strength is realised (amplitude or width)
 */
record ClosedLoopParameters(double sMsp, double sLsp, double margin, double accept, double tol, int nMsp, int nLsp,
                            PulseMode mode) {

    static final ParameterSpec G_T = ParameterSpec.of(ProgrammingPolicy.G_TARGET_MAX, CONDUCTANCE, "15uS", 0.01, 1000,
            "MSP conductance the largest weight of a layer maps to: W_target = w F G_T / max|w|.");
    static final ParameterSpec S_MSP = ParameterSpec.of("sMsp", NUMBER, "1.0", 1e-6, 100,
            "SET pulse strength in the MSP phase.");
    static final ParameterSpec S_LSP = ParameterSpec.of("sLsp", NUMBER, "0.25", 1e-6, 100,
            "SET pulse strength in the LSP phase.");
    static final ParameterSpec MARGIN = ParameterSpec.of("margin", CONDUCTANCE, "1.0uS", 0, 1000,
            "The MSP phase stops a column when it is within this of its target.");
    static final ParameterSpec ACCEPT = ParameterSpec.of("accept", NUMBER, "0.4", 0, 10,
            "The LSP phase stops a column within accept * tol of its target.");
    static final ParameterSpec TOL = ParameterSpec.of(ProgrammingPolicy.TOLERANCE, CONDUCTANCE, "0.9uS", 1e-6, 1000,
            "Success tolerance: a weight succeeds when |W_true - W_target| <= tol.");
    static final ParameterSpec N_MSP = ParameterSpec.of("nMsp", INTEGER, "40", 0, 100000, "Pulse budget of the MSP phase.");
    static final ParameterSpec N_LSP = ParameterSpec.of("nLsp", INTEGER, "40", 0, 100000, "Pulse budget of the LSP phase.");

    static final List<ParameterSpec> SPECS = List.of(G_T, S_MSP, S_LSP, MARGIN, ACCEPT, TOL, N_MSP, N_LSP,
            PulseMode.SPEC);

    /**
     * msp-only: no LSP to finish the job, so the MSP phase stops a column as soon as it is within tol
     * below its target (margin = tol): stopping earlier leaves it short, later lets it jump past. On
     * tile-rowwise.yaml (seed 1) Pfail is 62.9% at margin 0, 51.0% at 0.45 uS, 44.1% at 0.9 uS, 49.2% at 1.5 uS.
     */
    static final List<ParameterSpec> MSP_ONLY_SPECS = List.of(G_T, S_MSP,
            ParameterSpec.of("margin", CONDUCTANCE, "0.9uS", 0, 1000,
                    "The MSP phase stops a column when it is within this of its target; with no LSP phase "
                            + "to correct, the default is tol: stop as soon as within tolerance."),
            TOL, N_MSP, PulseMode.SPEC);

    /**
     * retry-closed-loop. On tile-rowwise.yaml (seed 1), maxOvershoot 1.5 / 2 / 3 / 5 uS at retryScale 0.5
     * give Pfail 0.22 / 0.27 / 0.40 / 0.45% in 5.20 / 4.87 / 4.60 / 4.90 ms (reference: 1.12% in 4.74 ms);
     * at retryScale 1 a redone column tends to overshoot again (Pfail 0.53-0.67%, 4.9-6.1 ms). 3 uS is
     * the fastest, and still cuts Pfail by two thirds.
     */
    static final List<ParameterSpec> RETRY_SPECS = List.of(G_T, S_MSP, S_LSP, MARGIN, ACCEPT, TOL, N_MSP, N_LSP,
            PulseMode.SPEC,
            ParameterSpec.of("retries", INTEGER, "2", 0, 100,
                    "How many times a column whose MSP overshot by more than maxOvershoot is RESET and redone."),
            ParameterSpec.of("maxOvershoot", CONDUCTANCE, "3uS", 0, 1000,
                    "MSP overshoot past |W_target| beyond which the LSP is not trusted to correct (at sLsp 0.25 "
                            + "on a nominal device, 3 uS takes about 12 LSP pulses and is past the LSP's reach for "
                            + "the slow devices that set the row's time)."),
            ParameterSpec.of("retryScale", NUMBER, "0.5", 0.01, 1,
                    "MSP strength factor at each retry: a column that overshot has a strong device."));

    /** msp-only: the LSP knobs are unused; nLsp = 0 says so. */
    static ClosedLoopParameters mspOnly(Parameters p) {
        return new ClosedLoopParameters(p.number("sMsp"), 1.0, p.number("margin"), 0.0,
                p.number(ProgrammingPolicy.TOLERANCE), p.integer("nMsp"), 0, PulseMode.of(p));
    }

    static ClosedLoopParameters from(Parameters p) {
        return new ClosedLoopParameters(p.number("sMsp"), p.number("sLsp"), p.number("margin"), p.number("accept"),
                p.number(ProgrammingPolicy.TOLERANCE), p.integer("nMsp"), p.integer("nLsp"), PulseMode.of(p));
    }
}
