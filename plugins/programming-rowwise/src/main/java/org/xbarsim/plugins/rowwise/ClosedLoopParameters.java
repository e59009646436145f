package org.xbarsim.plugins.rowwise;

import static org.xbarsim.api.param.Quantity.CONDUCTANCE;
import static org.xbarsim.api.param.Quantity.INTEGER;
import static org.xbarsim.api.param.Quantity.NUMBER;

import java.util.List;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.programming.ProgrammingPolicy;

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
 */
record ClosedLoopParameters(double sMsp, double sLsp, double margin, double accept, double tol, int nMsp, int nLsp) {

    static final List<ParameterSpec> SPECS = List.of(
            ParameterSpec.of(ProgrammingPolicy.G_TARGET_MAX, CONDUCTANCE, "15uS", 0.01, 1000,
                    "MSP conductance the largest weight of a layer maps to: W_target = w F G_T / max|w|."),
            ParameterSpec.of("sMsp", NUMBER, "1.0", 1e-6, 100, "SET pulse strength in the MSP phase."),
            ParameterSpec.of("sLsp", NUMBER, "0.25", 1e-6, 100, "SET pulse strength in the LSP phase."),
            ParameterSpec.of("margin", CONDUCTANCE, "1.0uS", 0, 1000,
                    "The MSP phase stops a column when it is within this of its target."),
            ParameterSpec.of("accept", NUMBER, "0.4", 0, 10,
                    "The LSP phase stops a column within accept * tol of its target."),
            ParameterSpec.of(ProgrammingPolicy.TOLERANCE, CONDUCTANCE, "0.9uS", 1e-6, 1000,
                    "Success tolerance: a weight succeeds when |W_true - W_target| <= tol."),
            ParameterSpec.of("nMsp", INTEGER, "40", 0, 100000, "Pulse budget of the MSP phase."),
            ParameterSpec.of("nLsp", INTEGER, "40", 0, 100000, "Pulse budget of the LSP phase.")
    );

    static ClosedLoopParameters from(Parameters p) {
        return new ClosedLoopParameters(p.number("sMsp"), p.number("sLsp"), p.number("margin"), p.number("accept"),
                p.number(ProgrammingPolicy.TOLERANCE), p.integer("nMsp"), p.integer("nLsp"));
    }
}
