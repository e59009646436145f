package org.xbarsim.engine.hw;

import java.util.Arrays;
import org.xbarsim.api.device.DeviceLine;
import org.xbarsim.api.event.OpKind;

/**
 * What one row's programming demanded of the hardware, operation by operation, and what it came
 * to: the compact log the functional side hands the chip's timeline, which decides when each part
 * happens. Per operation, in primitive arrays: its kind, the devices it pulsed on each device line,
 * the duration of one pulse, and whether it read and how many conversions its busiest ADC then ran
 * in series.
 *
 * <p>A SET pulses every enabled device in one pulse; a RESET pulses one device line at a time, one
 * pulse phase per line that has an enabled device ({@link #pulsePhases}, {@link #phaseDevices}).
 *
 * <p>Written by the thread that computed the row, read by the timeline's thread after a hand-over:
 * never by two threads at once.
 */
public final class RowDemand {
    private static final int LINES = DeviceLine.COUNT;
    private static final byte SET = (byte) OpKind.SET.ordinal();
    private static final byte RESET = (byte) OpKind.RESET.ordinal();
    private static final int NO_READ = -1;

    private final int tile;
    private final int row;
    private int ops;
    private byte[] kinds;
    private int[] lineDevices;
    private long[] pulseCycles;
    private int[] conversions;

    /** The row's outcome, for statistics: weights in tolerance and their summed error, row operations, energy. */
    public int weights;
    public int succeeded;
    public double sumAbsErrorMicroSiemens;
    public int setOps;
    public int resetOps;
    public int readOps;
    /** Weights a refresh in place selected on this row (its read found them out of tolerance). */
    public int refreshed;
    public double energyPicojoules;
    /** The same energy by part. */
    public final ProgrammingEnergy energy = new ProgrammingEnergy();

    /** @param capacity operations to make room for (it grows) */
    public RowDemand(int tile, int row, int capacity) {
        this.tile = tile;
        this.row = row;
        int n = Math.max(4, capacity);
        kinds = new byte[n];
        lineDevices = new int[LINES * n];
        pulseCycles = new long[n];
        conversions = new int[n];
    }

    public int tile() {
        return tile;
    }

    public int row() {
        return row;
    }

    /** Operations executed on the hardware (the policy's DONE is not one). */
    public int operations() {
        return ops;
    }

    /** Records a pulse: {@code devices[line]} devices enabled on each line, each pulse {@code cycles} long. */
    public void pulse(OpKind kind, int[] devices, long cycles) {
        if (kind != OpKind.SET && kind != OpKind.RESET) {
            throw new IllegalArgumentException("a pulse is SET or RESET, got " + kind);
        }
        grow();
        kinds[ops] = (byte) kind.ordinal();
        System.arraycopy(devices, 0, lineDevices, LINES * ops, LINES);
        pulseCycles[ops] = cycles;
        conversions[ops] = NO_READ;
        ops++;
    }

    /** Records a READ operation; its read follows with {@link #verify}. */
    public void read() {
        grow();
        kinds[ops] = (byte) OpKind.READ.ordinal();
        Arrays.fill(lineDevices, LINES * ops, LINES * ops + LINES, 0);
        pulseCycles[ops] = 0;
        conversions[ops] = NO_READ;
        ops++;
    }

    /**
     * The operation just recorded read its row: integration, then its busiest ADC converted
     * {@code conversionsInSeries} columns in series (0 when no column was selected).
     */
    public void verify(int conversionsInSeries) {
        if (conversionsInSeries < 0) {
            throw new IllegalArgumentException("conversions in series must be >= 0, got " + conversionsInSeries);
        }
        conversions[ops - 1] = conversionsInSeries;
    }

    public OpKind kind(int op) {
        return OpKind.values()[kinds[op]];
    }

    public boolean isPulse(int op) {
        return kinds[op] == SET || kinds[op] == RESET;
    }

    /** Devices pulsed on one line. */
    public int devices(int op, int line) {
        return lineDevices[LINES * op + line];
    }

    /** Duration of one pulse phase. */
    public long pulseCycles(int op) {
        return pulseCycles[op];
    }

    /** Pulse phases: 1 for a SET, the lines with an enabled device for a RESET, 0 for a read. */
    public int pulsePhases(int op) {
        if (kinds[op] == SET) {
            return 1;
        }
        if (kinds[op] != RESET) {
            return 0;
        }
        int n = 0;
        for (int line = 0; line < LINES; line++) {
            n += lineDevices[LINES * op + line] > 0 ? 1 : 0;
        }
        return n;
    }

    /** Devices pulsed at once in pulse phase {@code phase} of an operation. */
    public int phaseDevices(int op, int phase) {
        int base = LINES * op;
        if (kinds[op] == SET) {
            return lineDevices[base] + lineDevices[base + 1] + lineDevices[base + 2] + lineDevices[base + 3];
        }
        for (int line = 0, seen = 0; line < LINES; line++) {
            if (lineDevices[base + line] > 0 && seen++ == phase) {
                return lineDevices[base + line];
            }
        }
        throw new IllegalArgumentException("operation " + op + " has no pulse phase " + phase);
    }

    /** Whether the operation read its row (integration and conversion). */
    public boolean reads(int op) {
        return conversions[op] != NO_READ;
    }

    /** Conversions the busiest ADC ran in series for this operation's read; 0 when it did not read. */
    public int conversionsInSeries(int op) {
        return Math.max(0, conversions[op]);
    }

    private void grow() {
        if (ops == kinds.length) {
            int n = 2 * ops;
            kinds = Arrays.copyOf(kinds, n);
            lineDevices = Arrays.copyOf(lineDevices, LINES * n);
            pulseCycles = Arrays.copyOf(pulseCycles, n);
            conversions = Arrays.copyOf(conversions, n);
        }
    }
}
