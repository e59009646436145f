package org.xbarsim.plugins.rowwise;

import java.util.List;
import org.pf4j.Extension;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.api.programming.PolicyContext;
import org.xbarsim.api.programming.ProgrammingPolicy;
import org.xbarsim.api.programming.RowProgrammer;

/**
 * The serial baseline: the same closed-loop algorithm, one column at a time, each verify read
 * converting only that column. Same Pfail as row-wise, far slower.
 */
@Extension
public class SerialClosedLoop implements ProgrammingPolicy {
    @Override
    public String id() {
        return "serial-closed-loop";
    }

    @Override
    public String description() {
        return "Serial closed-loop programming: the row-wise algorithm applied to one column at a time.";
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
                context.tile(), context.tileColumns(), 1);
    }
}
