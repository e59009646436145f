package org.xbarsim.plugins.rowwise;

import java.util.List;
import org.pf4j.Extension;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.api.programming.PolicyContext;
import org.xbarsim.api.programming.ProgrammingPolicy;
import org.xbarsim.api.programming.RowProgrammer;

/**
 * The baseline of science.md section 4 that programs the MSP pair alone: the reference MSP phase,
 * row-wise, and no LSP phase. Faster than the reference and worse: an MSP step (F times a device step)
 * is wider than the tolerance window, and nothing corrects a jump past it.
 */
@Extension
public class MspOnlyClosedLoop implements ProgrammingPolicy {
    @Override
    public String id() {
        return "msp-only";
    }

    @Override
    public String description() {
        return "Row-wise closed loop on the MSP pair only (RESET, MSP phase stopping within tol), no LSP phase.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return ClosedLoopParameters.MSP_ONLY_SPECS;
    }

    /** Refreshes in place: reads the selected columns, then goes on with the MSP and LSP phases from there. */
    @Override
    public boolean refreshesInPlace() {
        return true;
    }

    @Override
    public RowProgrammer newProgrammer(PolicyContext context) {
        return new ClosedLoopProgrammer(ClosedLoopParameters.mspOnly(context.parameters()),
                ClosedLoopProgrammer.Variant.MSP_ONLY, context.cell(), context.tile(), context.tileColumns(),
                Integer.MAX_VALUE);
    }
}
