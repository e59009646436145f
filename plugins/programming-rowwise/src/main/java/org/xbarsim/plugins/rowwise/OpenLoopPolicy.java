package org.xbarsim.plugins.rowwise;

import static org.xbarsim.api.param.Quantity.CONDUCTANCE;
import static org.xbarsim.api.param.Quantity.NUMBER;

import java.util.List;
import org.pf4j.Extension;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.programming.PolicyContext;
import org.xbarsim.api.programming.ProgrammingPolicy;
import org.xbarsim.api.programming.PulseMode;
import org.xbarsim.api.programming.RowProgrammer;

/**
 * The open-loop baseline of science.md section 4: pulse counts computed from the nominal device curve,
 * no verify read. Very fast (no read and only the pulses the nominal curve asks for) and poor, since
 * device-to-device and cycle-to-cycle variability go uncorrected.
 */
@Extension
public class OpenLoopPolicy implements ProgrammingPolicy {

    /** The knobs, resolved. */
    record Knobs(double sMsp, double sLsp, double accept, double tol, int nMsp, int nLsp, NominalCurve curve,
                 PulseMode mode) {
    }

    @Override
    public String id() {
        return "open-loop";
    }

    @Override
    public String description() {
        return "Open loop: per-column pulse counts from the nominal PCM curve (MSP then LSP), shrinking enable "
                + "masks, no verify read.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ClosedLoopParameters.G_T, ClosedLoopParameters.S_MSP, ClosedLoopParameters.S_LSP,
                ParameterSpec.of("accept", NUMBER, "0.4", 0, 10,
                        "No LSP pulse for a column whose nominal MSP remainder is within accept * tol."),
                ClosedLoopParameters.TOL, ClosedLoopParameters.N_MSP, ClosedLoopParameters.N_LSP,
                // The pcm defaults of science.md section 3: the mean device the policy believes in.
                ParameterSpec.of("alpha", CONDUCTANCE, "1.0uS", 1e-6, 1000,
                        "Nominal step of a unit SET pulse at G = 0 (pcm alpha_median)."),
                ParameterSpec.of("gMax", CONDUCTANCE, "25uS", 0.01, 10000,
                        "Nominal saturation conductance (pcm gmax_mean)."),
                ParameterSpec.of("gReset", CONDUCTANCE, "0.1uS", 0, 1000,
                        "Nominal conductance after RESET (pcm g_reset). alpha, gMax and gReset are the curve the policy "
                        + "believes in, pcm's by default whatever device.impl is: give another technology's own "
                        + "(the ideal device: gMax very large, gReset 0)."),
                PulseMode.SPEC);
    }

    @Override
    public RowProgrammer newProgrammer(PolicyContext context) {
        Parameters p = context.parameters();
        Knobs knobs = new Knobs(p.number("sMsp"), p.number("sLsp"), p.number("accept"),
                p.number(ProgrammingPolicy.TOLERANCE), p.integer("nMsp"), p.integer("nLsp"),
                new NominalCurve(p.number("alpha"), p.number("gMax"), p.number("gReset")), PulseMode.of(p));
        return new OpenLoopProgrammer(knobs, context.cell(), context.tile(), context.tileColumns());
    }
}
