package org.xbarsim.plugins.rowwise;

import java.util.List;
import org.pf4j.Extension;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.programming.PolicyContext;
import org.xbarsim.api.programming.ProgrammingPolicy;
import org.xbarsim.api.programming.RowProgrammer;

/**
 * The reference policy plus retries: PCM cannot step down, so a column whose MSP jumped further past
 * its target than the LSP can take back is RESET (its four devices, only its column enabled) and its
 * MSP phase redone at a lower strength, before the row's LSP phase.
 */
@Extension
public class RetryClosedLoop implements ProgrammingPolicy {
    @Override
    public String id() {
        return "retry-closed-loop";
    }

    @Override
    public String description() {
        return "Row-wise closed loop (reference) that RESETs and redoes the MSP phase of columns that overshot "
                + "beyond maxOvershoot, up to 'retries' times, then runs the LSP phase.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return ClosedLoopParameters.RETRY_SPECS;
    }

    /** Refreshes in place: reads the selected columns, then goes on with the MSP and LSP phases from there. */
    @Override
    public boolean refreshesInPlace() {
        return true;
    }

    @Override
    public RowProgrammer newProgrammer(PolicyContext context) {
        Parameters p = context.parameters();
        ClosedLoopProgrammer.Variant variant = new ClosedLoopProgrammer.Variant(true, p.integer("retries"),
                p.number("maxOvershoot"), p.number("retryScale"));
        return new ClosedLoopProgrammer(ClosedLoopParameters.from(p), variant, context.cell(), context.tile(),
                context.tileColumns(), Integer.MAX_VALUE);
    }
}
