package org.xbarsim.cli.boom;

import java.util.List;
import org.pf4j.Extension;
import org.xbarsim.api.event.RowOp;
import org.xbarsim.api.event.RowResult;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.api.param.Quantity;
import org.xbarsim.api.programming.BitMask;
import org.xbarsim.api.programming.PolicyContext;
import org.xbarsim.api.programming.ProgrammingPolicy;
import org.xbarsim.api.programming.RowOps;
import org.xbarsim.api.programming.RowProgrammer;
import org.xbarsim.api.programming.RowTarget;

/**
 * A policy that fails on purpose, packaged by PluginFailureTest into a plugin jar of its own: each
 * row is one verify read, then done; on row {@code failOnRow} it throws (a runtime exception, or
 * with {@code failKind: error} a NoClassDefFoundError, what a plugin missing a class from its jar
 * raises), or calls System.exit(0), loops for ever or allocates until the heap is full ({@code exit},
 * {@code hang}, {@code oom}); {@code failOnRow: -2} fails when the tile's programmer is created.
 */
@Extension
public final class BoomPolicy implements ProgrammingPolicy {
    @Override
    public String id() {
        return "boom";
    }

    @Override
    public String description() {
        return "Test policy that throws on a chosen row.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.of(G_TARGET_MAX, Quantity.CONDUCTANCE, "15uS", 0.01, 1000, "G_T"),
                ParameterSpec.of(TOLERANCE, Quantity.CONDUCTANCE, "0.9uS", 0, 1000, "tol"),
                ParameterSpec.of("failOnRow", Quantity.INTEGER, "-1", -2, 1 << 20, "row to throw on"),
                ParameterSpec.choice("failKind", "exception", List.of("exception", "error", "exit", "hang", "oom"),
                        "what to throw, or to do: end the JVM, loop for ever, allocate until the heap is full"));
    }

    /** Kept reachable so the allocation below fills the heap. */
    static final java.util.List<long[]> HOARD = new java.util.ArrayList<>();
    static volatile long spins;

    private static RuntimeException boom(String kind, String where) {
        switch (kind) {
            case "error" -> throw new NoClassDefFoundError("org/example/Missing (planned, " + where + ")");
            case "exit" -> System.exit(0);
            case "hang" -> {
                while (spins >= 0) {
                    spins++;
                }
            }
            case "oom" -> {
                while (true) {
                    HOARD.add(new long[1 << 20]);
                }
            }
            default -> {
                // an exception, below
            }
        }
        return new IllegalStateException("planned failure " + where);
    }

    @Override
    public RowProgrammer newProgrammer(PolicyContext context) {
        int failOnRow = context.parameters().integer("failOnRow");
        String kind = context.parameters().text("failKind");
        if (failOnRow == -2) {
            throw boom(kind, "creating the programmer");
        }
        int cols = context.tileColumns();
        return new RowProgrammer() {
            private RowTarget target;

            @Override
            public RowOp start(RowTarget t) {
                target = t;
                return RowOps.read(t.tile(), t.row(), new BitMask(cols).setRange(0, t.columns()));
            }

            @Override
            public RowOp next(RowResult result) {
                if (target.row() == failOnRow) {
                    throw boom(kind, "on row " + target.row());
                }
                return RowOps.done(target.tile(), target.row());
            }
        };
    }
}
