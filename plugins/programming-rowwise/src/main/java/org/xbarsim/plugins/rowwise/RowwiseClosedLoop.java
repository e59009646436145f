package org.xbarsim.plugins.rowwise;

import java.util.List;
import org.pf4j.Extension;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.api.programming.PolicyContext;
import org.xbarsim.api.programming.ProgrammingPolicy;
import org.xbarsim.api.programming.RowProgrammer;

/**
 * The reference policy of Mackin et al. (2019): all columns of a row are programmed in parallel,
 * one shared pulse per operation gated by per-column enables, verified by reading the whole row.
 */
@Extension
public class RowwiseClosedLoop implements ProgrammingPolicy {
    @Override
    public String id() {
        return "rowwise-closed-loop";
    }

    @Override
    public String description() {
        return "Row-wise parallel closed-loop programming (Mackin et al. 2019): RESET, MSP phase, LSP phase, "
                + "every column of a row at once.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return ClosedLoopParameters.SPECS;
    }

    /** Refreshes in place: reads the selected columns, then goes on with the MSP and LSP phases from there. */
    @Override
    public boolean refreshesInPlace() {
        return true;
    }

    @Override
    public RowProgrammer newProgrammer(PolicyContext context) {
        return new ClosedLoopProgrammer(ClosedLoopParameters.from(context.parameters()), context.cell(),
                context.tile(), context.tileColumns(), Integer.MAX_VALUE);
    }
}
