package org.xbarsim.api.programming;

import org.pf4j.ExtensionPoint;
import org.xbarsim.api.param.Component;

/**
 * A weight-programming policy, supplied by a plugin: it receives each row's verify reads as events
 * and answers with the next row operation. Scenario key prefix: {@code programming.}.
 *
 * <p>Every policy declares the two parameters the host also uses, {@link #G_TARGET_MAX} (how
 * weights map to conductance) and {@link #TOLERANCE} (what counts as success), so that all policies
 * are scored by the same rule.
 */
public interface ProgrammingPolicy extends ExtensionPoint, Component {

    String G_TARGET_MAX = "gTargetMax";
    String TOLERANCE = "tol";

    /** A programmer for the rows of one tile; called once per tile, used by one thread. */
    RowProgrammer newProgrammer(PolicyContext context);
}
