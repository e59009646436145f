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

    /**
     * A programmer for rows of one tile, used by one thread. The host may make several for one tile
     * and give each any subset of the tile's rows, in any order, on different threads at once: a
     * programmer keeps state per row only (see {@link RowProgrammer}).
     */
    RowProgrammer newProgrammer(PolicyContext context);

    /**
     * Whether the policy's programmers can refresh a row in place ({@link RowTarget#inPlace}): program
     * only the selected columns, from the state their devices have, pulsing no other column. A chip's
     * working life refreshes its weights only with a policy that can; the default cannot.
     */
    default boolean refreshesInPlace() {
        return false;
    }
}
