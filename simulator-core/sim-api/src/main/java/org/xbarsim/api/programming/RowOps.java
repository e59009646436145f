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
        return new RowOp(tile, row, OpKind.RESET, 0.0, enable.toBuffer(), BitMask.EMPTY);
    }

    /** A SET pulse; {@code read} null or empty for no verify read. */
    public static RowOp set(int tile, int row, double strength, BitMask enable, BitMask read) {
        return new RowOp(tile, row, OpKind.SET, strength, enable.toBuffer(),
                read == null ? BitMask.EMPTY : read.toBuffer());
    }

    public static RowOp read(int tile, int row, BitMask read) {
        return new RowOp(tile, row, OpKind.READ, 0.0, BitMask.EMPTY, read.toBuffer());
    }

    public static RowOp done(int tile, int row) {
        return new RowOp(tile, row, OpKind.DONE, 0.0, BitMask.EMPTY, BitMask.EMPTY);
    }

    /**
     * Decodes the converted columns of a verify read into weights in uS, written to {@code out[col]};
     * columns not converted are left as they were.
     *
     * @return whether the result carried a read at all
     */
    public static boolean decode(RowResult result, double[] out) {
        ByteBuffer codes = result.getCodes();
        if (codes.limit() == 0) {
            return false;
        }
        ByteBuffer converted = result.getConverted();
        double low = result.getLowMicroSiemens();
        double lsb = result.getLsbMicroSiemens();
        int columns = Math.min(out.length, codes.limit() >>> 1);
        if (codes.hasArray() && converted.hasArray()) {
            byte[] c = codes.array();
            int co = codes.arrayOffset();
            byte[] m = converted.array();
            int mo = converted.arrayOffset();
            int maskBits = converted.limit() << 3;
            for (int col = 0; col < Math.min(columns, maskBits); col++) {
                if ((m[mo + (col >>> 3)] & (1 << (col & 7))) != 0) {
                    int code = (c[co + 2 * col] & 0xff) | ((c[co + 2 * col + 1] & 0xff) << 8);
                    out[col] = low + (code + 0.5) * lsb;
                }
            }
            return true;
        }
        for (int col = 0; col < columns; col++) {
            if (BitMask.get(converted, col)) {
                int code = (codes.get(2 * col) & 0xff) | ((codes.get(2 * col + 1) & 0xff) << 8);
                out[col] = low + (code + 0.5) * lsb;
            }
        }
        return true;
    }
}
