package org.xbarsim.api.programming;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.xbarsim.api.event.RowResult;

/**
 * A reusable view of the verify read in a {@link RowResult}: decodes one column's ADC code to a
 * weight in uS on demand, so a policy pays only for the columns it still cares about. Wrapping
 * allocates nothing when the event's buffers are array-backed (they are, locally and from traces).
 */
public final class Readout {
    private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class,
            ByteOrder.LITTLE_ENDIAN);

    private byte[] codes = new byte[0];
    private int codesOffset;
    private int columns;
    private byte[] converted = new byte[0];
    private int convertedOffset;
    private int convertedBits;
    private double low;
    private double lsb;

    /** Points this view at a result; returns whether it carries a read. */
    public boolean wrap(RowResult result) {
        ByteBuffer c = result.getCodes();
        ByteBuffer m = result.getConverted();
        if (c.hasArray()) {
            codes = c.array();
            codesOffset = c.arrayOffset() + c.position();
        } else {
            codes = new byte[c.remaining()];
            c.duplicate().get(codes);
            codesOffset = 0;
        }
        columns = c.remaining() >>> 1;
        if (m.hasArray()) {
            converted = m.array();
            convertedOffset = m.arrayOffset() + m.position();
        } else {
            converted = new byte[m.remaining()];
            m.duplicate().get(converted);
            convertedOffset = 0;
        }
        convertedBits = m.remaining() << 3;
        low = result.getLowMicroSiemens();
        lsb = result.getLsbMicroSiemens();
        return columns > 0;
    }

    public boolean hasRead() {
        return columns > 0;
    }

    /** Whether column {@code col} was converted in this read. */
    public boolean converted(int col) {
        return col < convertedBits && col < columns
                && (converted[convertedOffset + (col >>> 3)] & (1 << (col & 7))) != 0;
    }

    /** The ADC code of a converted column. */
    public int code(int col) {
        return (short) SHORT_LE.get(codes, codesOffset + 2 * col) & 0xffff;
    }

    /** The weight a converted column read, uS: the middle of its ADC code's interval. */
    public double value(int col) {
        return low + (code(col) + 0.5) * lsb;
    }
}
