package org.xbarsim.api.programming;

import java.nio.ByteBuffer;
import org.xbarsim.api.event.OpKind;
import org.xbarsim.api.event.RowOp;
import org.xbarsim.api.event.RowResult;

/** Builders for row operations and a decoder for verify reads, so policies stay short. */
public final class RowOps {
    private RowOps() {
    }

    public static RowOp reset(int tile, int row, BitMask enable) {
        return new RowOp(tile, row, OpKind.RESET, 0.0, enable.toBuffer(), BitMask.EMPTY, 1.0);
    }

    /** A RESET verified by a read of a mask snapshot ({@link BitMask#snapshot()}). */
    public static RowOp reset(int tile, int row, BitMask enable, ByteBuffer readSnapshot) {
        return new RowOp(tile, row, OpKind.RESET, 0.0, enable.toBuffer(), readSnapshot.duplicate(), 1.0);
    }

    /** A SET pulse; {@code read} null or empty for no verify read. */
    public static RowOp set(int tile, int row, double strength, BitMask enable, BitMask read) {
        return new RowOp(tile, row, OpKind.SET, strength, enable.toBuffer(),
                read == null ? BitMask.EMPTY : read.toBuffer(), 1.0);
    }

    /** A SET pulse verified by a read of a mask snapshot ({@link BitMask#snapshot()}). */
    public static RowOp set(int tile, int row, double strength, BitMask enable, ByteBuffer readSnapshot) {
        return new RowOp(tile, row, OpKind.SET, strength, enable.toBuffer(), readSnapshot.duplicate(), 1.0);
    }

    /** A SET pulse whose strength is realised as {@code mode} says; {@code read} null or empty for no verify read. */
    public static RowOp set(int tile, int row, double strength, PulseMode mode, BitMask enable, BitMask read) {
        return new RowOp(tile, row, OpKind.SET, strength, enable.toBuffer(),
                read == null ? BitMask.EMPTY : read.toBuffer(), mode.width(strength));
    }

    /** A SET pulse realised as {@code mode} says, verified by a read of a mask snapshot. */
    public static RowOp set(int tile, int row, double strength, PulseMode mode, BitMask enable,
                            ByteBuffer readSnapshot) {
        return new RowOp(tile, row, OpKind.SET, strength, enable.toBuffer(), readSnapshot.duplicate(),
                mode.width(strength));
    }

    /** A read of a mask snapshot ({@link BitMask#snapshot()}). */
    public static RowOp read(int tile, int row, ByteBuffer readSnapshot) {
        return new RowOp(tile, row, OpKind.READ, 0.0, BitMask.EMPTY, readSnapshot.duplicate(), 1.0);
    }

    public static RowOp read(int tile, int row, BitMask read) {
        return new RowOp(tile, row, OpKind.READ, 0.0, BitMask.EMPTY, read.toBuffer(), 1.0);
    }

    public static RowOp done(int tile, int row) {
        return new RowOp(tile, row, OpKind.DONE, 0.0, BitMask.EMPTY, BitMask.EMPTY, 1.0);
    }

    /**
     * Decodes the converted columns of a verify read into weights in uS, written to {@code out[col]};
     * columns not converted are left as they were. For a policy that needs only some columns,
     * {@link Readout} decodes on demand.
     *
     * @return whether the result carried a read at all
     */
    public static boolean decode(RowResult result, double[] out) {
        Readout view = new Readout();
        if (!view.wrap(result)) {
            return false;
        }
        for (int c = 0; c < out.length; c++) {
            if (view.converted(c)) {
                out[c] = view.value(c);
            }
        }
        return true;
    }
}
