package org.xbarsim.plugins.rowwise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xbarsim.plugins.rowwise.ClosedLoopProgrammerTest.line;
import static org.xbarsim.plugins.rowwise.ClosedLoopProgrammerTest.range;
import static org.xbarsim.plugins.rowwise.ClosedLoopProgrammerTest.readMask;
import static org.xbarsim.plugins.rowwise.PolicyVariantsTest.programmer;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xbarsim.api.device.DeviceLine;
import org.xbarsim.api.event.OpKind;
import org.xbarsim.api.event.RowOp;
import org.xbarsim.api.programming.ProgrammingPolicy;
import org.xbarsim.api.programming.RowProgrammer;
import org.xbarsim.api.programming.RowTarget;

/** What every policy of the plugin owes its host, whatever its algorithm. */
class PolicyContractTest {
    private static final int COLS = 16;
    private static final List<ProgrammingPolicy> POLICIES = List.of(new RowwiseClosedLoop(), new SerialClosedLoop(),
            new RetryClosedLoop(), new MspOnlyClosedLoop(), new AdaptiveClosedLoop(), new OpenLoopPolicy());

    /** `xbarsim plugins` lists each policy by its id and a one-line description. */
    @Test
    void everyPolicyHasItsOwnIdAndDescription() {
        Set<String> ids = new HashSet<>();
        Set<String> descriptions = new HashSet<>();
        for (ProgrammingPolicy p : POLICIES) {
            assertFalse(p.description().isBlank(), p.id());
            assertTrue(ids.add(p.id()), "id " + p.id() + " once");
            assertTrue(descriptions.add(p.description()), p.id() + " has a description of its own");
        }
    }

    @Test
    void aRowWithNoUsedColumnsIsDoneAtOnce() {
        for (ProgrammingPolicy policy : POLICIES) {
            RowOp op = programmer(policy, COLS).start(new RowTarget(2, 9, 0, new double[0]));
            assertEquals(OpKind.DONE, op.getKind(), policy.id());
            assertEquals(9, op.getRow(), policy.id());
        }
    }

    /**
     * A programmer serves row after row; a row using fewer columns than the one before must not carry
     * anything over: its RESET enables exactly its used columns on every line, and no later operation
     * enables or reads a column beyond them. The wider row's work is all in columns 4-7.
     */
    @Test
    void aNarrowerRowAfterAWiderOneTouchesOnlyItsOwnColumns() {
        double[] wide = {0, 0, 0, 0, 10, -8, 20, -30};
        double[] narrow = {10, -8, 5, 2.5};
        Set<Integer> own = range(0, narrow.length);
        for (ProgrammingPolicy policy : POLICIES) {
            ClosedLoopProgrammerTest.ToyTile tile = new ClosedLoopProgrammerTest.ToyTile(COLS);
            RowProgrammer p = programmer(policy, COLS);
            tile.run(p, 0, wide, wide.length);
            tile.ops.clear();
            tile.run(p, 1, narrow, narrow.length);
            RowOp reset = tile.ops.get(0);
            assertEquals(OpKind.RESET, reset.getKind(), policy.id());
            int resets = 0;
            for (RowOp op : tile.ops) {
                resets += op.getKind() == OpKind.RESET ? 1 : 0;
                for (DeviceLine l : DeviceLine.values()) {
                    Set<Integer> on = line(op, l, COLS);
                    if (op == reset && !policy.id().equals("serial-closed-loop")) {
                        assertEquals(own, on, policy.id() + " RESET line " + l);
                    }
                    assertTrue(own.containsAll(on), policy.id() + " " + op.getKind() + " " + l + " " + on);
                }
                assertTrue(own.containsAll(readMask(op, COLS)), policy.id() + " reads " + readMask(op, COLS));
            }
            assertTrue(resets >= 1 && tile.ops.size() > 2, policy.id() + " programmed the row");
        }
    }
}
