package org.xbarsim.plugins.rowwise;

import static org.xbarsim.api.param.Quantity.CONDUCTANCE;
import static org.xbarsim.api.param.Quantity.INTEGER;
import static org.xbarsim.api.param.Quantity.NUMBER;

import java.util.ArrayList;
import java.util.List;
import org.pf4j.Extension;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.programming.PolicyContext;
import org.xbarsim.api.programming.ProgrammingPolicy;
import org.xbarsim.api.programming.PulseMode;
import org.xbarsim.api.programming.RowProgrammer;

/**
 * Row-wise closed loop whose pulse strength follows each column's remaining error, through strength
 * classes sent as separate row operations (one amplitude per operation, per-column enables): see
 * {@link AdaptiveProgrammer}. Same knob names as the reference, so one sweep covers both.
 */
@Extension
public class AdaptiveClosedLoop implements ProgrammingPolicy {

    /** The knobs, resolved. */
    record Knobs(double sMsp, double sLsp, double margin, double accept, double tol, int nMsp, int nLsp,
                 int classes, double ratio, double aim, NominalCurve curve, PulseMode mode) {
    }

    static final List<ParameterSpec> SPECS;

    static {
        List<ParameterSpec> s = new ArrayList<>(ClosedLoopParameters.SPECS);
        s.set(s.indexOf(ClosedLoopParameters.S_MSP), ParameterSpec.of("sMsp", NUMBER, "1.0", 1e-6, 100,
                "Base (smallest) SET strength of the MSP phase; the classes are sMsp * ratio^k."));
        s.set(s.indexOf(ClosedLoopParameters.S_LSP), ParameterSpec.of("sLsp", NUMBER, "0.25", 1e-6, 100,
                "Base (smallest) SET strength of the LSP phase; the classes are sLsp * ratio^k."));
        s.set(s.indexOf(ClosedLoopParameters.N_MSP), ParameterSpec.of("nMsp", INTEGER, "40", 0, 100000,
                "Step budget of the MSP phase (a step: one SET per strength class in use, one verify read)."));
        s.set(s.indexOf(ClosedLoopParameters.N_LSP), ParameterSpec.of("nLsp", INTEGER, "40", 0, 100000,
                "Step budget of the LSP phase."));
        s.add(ParameterSpec.of("classes", INTEGER, "3", 1, 16,
                "Strength classes per step: each costs one SET operation when some column needs it."));
        s.add(ParameterSpec.of("ratio", NUMBER, "3", 1, 100, "Strength ratio between neighbouring classes (3 with "
                + "3 classes gave the best Pfail-time front on tile-rowwise.yaml among 2..6 classes, ratios 1.5..5)."));
        s.add(ParameterSpec.of("aim", NUMBER, "0.5", 0.01, 1,
                "Fraction of a column's remaining distance one pulse aims to cover: with cycle-to-cycle noise "
                        + "of half a step (pcm c2c 0.5), 0.5 keeps a 2-sigma step short of the target."));
        s.add(ParameterSpec.of("alpha", CONDUCTANCE, "1.0uS", 1e-6, 1000,
                "Nominal step of a unit SET pulse at G = 0 (pcm alpha_median): the prior of each device's gain."));
        s.add(ParameterSpec.of("gMax", CONDUCTANCE, "25uS", 0.01, 10000,
                "Nominal saturation conductance (pcm gmax_mean): the shape of the predicted step."));
        s.add(ParameterSpec.of("gReset", CONDUCTANCE, "0.1uS", 0, 1000,
                "Nominal conductance after RESET (pcm g_reset). alpha, gMax and gReset are the curve the policy "
                        + "believes in, pcm's by default whatever device.impl is: give another technology's own "
                        + "(the ideal device: gMax very large, gReset 0)."));
        SPECS = List.copyOf(s);
    }

    @Override
    public String id() {
        return "adaptive-closed-loop";
    }

    @Override
    public String description() {
        return "Row-wise closed loop with per-column strength classes fitted to the remaining error and to each "
                + "device's observed gain: fewer steps for the slowest column of a row.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return SPECS;
    }

    @Override
    public RowProgrammer newProgrammer(PolicyContext context) {
        Parameters p = context.parameters();
        Knobs knobs = new Knobs(p.number("sMsp"), p.number("sLsp"), p.number("margin"), p.number("accept"),
                p.number(ProgrammingPolicy.TOLERANCE), p.integer("nMsp"), p.integer("nLsp"), p.integer("classes"),
                p.number("ratio"), p.number("aim"),
                new NominalCurve(p.number("alpha"), p.number("gMax"), p.number("gReset")), PulseMode.of(p));
        return new AdaptiveProgrammer(knobs, context.cell(), context.tile(), context.tileColumns());
    }
}
