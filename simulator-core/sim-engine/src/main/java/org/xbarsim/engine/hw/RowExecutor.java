package org.xbarsim.engine.hw;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.xbarsim.api.cost.Costs;
import org.xbarsim.api.event.OpKind;
import org.xbarsim.api.event.RowOp;
import org.xbarsim.api.event.RowResult;
import org.xbarsim.api.programming.BitMask;
import org.xbarsim.api.random.RandomStream;
import org.xbarsim.engine.converter.ColumnAdcs;

/**
 * Executes row operations on a tile's hardware, functionally: the row drivers pulse the enabled
 * devices, the read path integrates and converts the selected columns, and the outcome comes back as
 * a {@link RowResult}. What each operation demanded of the hardware (devices pulsed, pulse length,
 * conversions in series) and what it cost (operations, energy) go into the row's {@link RowDemand};
 * <em>when</em> it happens is the chip timeline's business, not this class's (gem5's
 * functional/timing split): programming physics does not depend on the time of day, since drift
 * starts when programming ends.
 *
 * <p>One executor serves one shard of a tile's rows on one thread; rows of one tile may be executed
 * by several executors at once, each on its own rows (the devices of different rows are disjoint).
 * Each row brings its own random streams, so a row's outcome does not depend on which executor ran
 * it or when. Scratch arrays are reused: the steady state allocates only the outgoing event.
 */
public final class RowExecutor {
    /** ADC codes travel as unsigned 16-bit little-endian values (see events.avdl). */
    private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class,
            ByteOrder.LITTLE_ENDIAN);

    private final CrossbarTile tile;
    private final ChipConfig chip;
    private final Costs costs;
    private final OpTiming timing;
    private final RowDriver driver;
    private final ReadPath readPath;
    private final int[] readCols;
    private final double[] sampled;
    private final int[] codes;
    private final int[] lineDevices = new int[4];
    /** The read mask decoded last, its columns and conversions in series: a phase reads the same mask again and again. */
    private byte[] lastReadMask;
    private int lastReadCount;
    private int lastSeries;

    private int row = -1;
    private RandomStream pulseNoise;
    private RandomStream readNoise;
    private RandomStream adcNoise;
    private RowDemand demand;
    private long rowCycle;

    /** An executor with ideal column ADCs. */
    public RowExecutor(CrossbarTile tile, ChipConfig chip) {
        this(tile, chip, null);
    }

    /**
     * An executor whose verify reads convert through the tile's column ADCs as built ({@code adcs}, shared
     * and only read by the executors of one tile; null: ideal) and see the IR drop of the chip's wires
     * when they are set to.
     */
    public RowExecutor(CrossbarTile tile, ChipConfig chip, ColumnAdcs adcs) {
        this.tile = tile;
        this.chip = chip;
        this.costs = chip.costs();
        this.timing = new OpTiming(chip);
        this.driver = new RowDriver(tile);
        PeripheryConfig built = chip.periphery();
        VerifyWires wires = built.wires().present() && built.wires().verifyReads() ? new VerifyWires(tile, built.wires())
                : null;
        this.readPath = new ReadPath(tile, new Adc(chip.adcBits(), chip.adcRangeMicroSiemens()), chip.columnsPerAdc(),
                adcs, wires);
        this.readCols = new int[tile.cols()];
        this.sampled = new double[tile.cols()];
        this.codes = new int[tile.cols()];
    }

    public CrossbarTile tile() {
        return tile;
    }

    /**
     * Begins a row: its operations draw from these streams (the row's own) and are logged in
     * {@code log}.
     */
    public void startRow(int row, RandomStream pulses, RandomStream reads, RowDemand log) {
        startRow(row, pulses, reads, null, log);
    }

    /** As above, the column ADCs' conversion noise drawn from {@code conversions} (null when they have none). */
    public void startRow(int row, RandomStream pulses, RandomStream reads, RandomStream conversions, RowDemand log) {
        if (row < 0 || row >= tile.rows()) {
            throw new IllegalArgumentException("row " + row + " is outside tile " + tile.index());
        }
        this.row = row;
        this.pulseNoise = pulses;
        this.readNoise = reads;
        this.adcNoise = conversions;
        this.demand = log;
        this.rowCycle = 0;
    }

    /**
     * The policy is done with the current row: its devices settle after their last pulse (PCM's
     * post-programming relaxation, nothing for most models), before anything reads the row again. Drawn
     * from the row's pulse stream, so a model that does not relax leaves it where it was.
     */
    public void finishRow() {
        driver.relax(row, pulseNoise);
    }

    /** The row's log so far. */
    public RowDemand demand() {
        return demand;
    }

    /**
     * Runs one operation of the current row; returns its outcome, whose cycle counts the row's own
     * operations so far with nothing shared.
     */
    public RowResult execute(RowOp op) {
        if (op.getRow() != row) {
            throw new IllegalArgumentException("operation for row " + op.getRow() + " while executing row " + row
                    + " of tile " + tile.index());
        }
        switch (op.getKind()) {
            case SET -> set(op);
            case RESET -> reset(op);
            case READ -> demand.read();
            case DONE -> throw new IllegalArgumentException("DONE is not a hardware operation");
        }
        int readCount = 0;
        // A READ always integrates (even an empty mask); a pulse reads when it carries a read mask.
        if (op.getKind() == OpKind.READ || op.getRead().limit() > 0) {
            readCount = read(op);
        }
        rowCycle += timing.isolatedCycles(demand, demand.operations() - 1);
        return result(op, readCount);
    }

    /**
     * A SET of the operation's strength and width: its amplitude is strength / width (both relative to
     * the nominal SET pulse); it lasts width x t_set and costs a^2 w of the nominal SET energy a device
     * ({@link Costs#pulse}).
     */
    private void set(RowOp op) {
        if (!(op.getStrength() > 0)) {
            throw new IllegalArgumentException("SET strength must be > 0, got " + op.getStrength());
        }
        double width = op.getWidth();
        if (!(width > 0)) {
            throw new IllegalArgumentException("SET width must be > 0, got " + width);
        }
        double amplitude = op.getStrength() / width;
        int enabled = driver.decode(op.getEnable());
        driver.set(row, amplitude, width, pulseNoise);
        driver.lineCounts(lineDevices);
        demand.pulse(OpKind.SET, lineDevices, timing.setCycles(width));
        demand.setOps++;
        double energy = enabled * Costs.pulse(costs.set(), amplitude, width);
        demand.energyPicojoules += energy;
        demand.energy.set += energy;
    }

    private void reset(RowOp op) {
        int enabled = driver.decode(op.getEnable());
        driver.reset(row, pulseNoise);
        driver.lineCounts(lineDevices);
        demand.pulse(OpKind.RESET, lineDevices, timing.resetCycles());
        demand.resetOps += driver.linesEnabled();
        double energy = enabled * costs.reset();
        demand.energyPicojoules += energy;
        demand.energy.reset += energy;
    }

    /** Integrates and converts the read mask's columns; returns how many. */
    private int read(RowOp op) {
        int count = decodeRead(op.getRead());
        readPath.sample(row, readCols, count, readNoise, sampled);
        readPath.convert(readCols, sampled, count, adcNoise, codes);
        demand.verify(lastSeries);
        demand.readOps++;
        ReadCost cost = ReadCost.of(chip, count, costs.readVolts() > 0 ? rowConductance() : 0);
        demand.energyPicojoules += cost.total();
        demand.energy.read += cost.read();
        demand.energy.adc += cost.adc();
        demand.energy.dac += cost.dac();
        return count;
    }

    /** Sum of the conductances on the row, uS: a read drives every device of the row, converted or not. */
    private double rowConductance() {
        double[] g = tile.devices().conductances();
        double sum = 0;
        for (int line = 0; line < tile.cell().devices(); line++) {
            int base = tile.base(line, row);
            for (int c = 0; c < tile.cols(); c++) {
                sum += g[base + c];
            }
        }
        return sum;
    }

    /**
     * The read mask's columns into {@link #readCols}, and their conversions in series; the last mask's
     * when this one holds the same bits (compared, not assumed: a policy may build a new mask each time).
     */
    private int decodeRead(ByteBuffer mask) {
        int length = mask.limit();
        if (mask.hasArray() && lastReadMask != null && length == lastReadMask.length && Arrays.equals(mask.array(),
                mask.arrayOffset(), mask.arrayOffset() + length, lastReadMask, 0, length)) {
            return lastReadCount;
        }
        lastReadCount = BitMask.indices(mask, 0, tile.cols(), readCols);
        lastSeries = (int) readPath.conversionsInSeries(readCols, lastReadCount);
        lastReadMask = mask.hasArray() ? Arrays.copyOfRange(mask.array(), mask.arrayOffset(), mask.arrayOffset() + length)
                : null;
        return lastReadCount;
    }

    private RowResult result(RowOp op, int readCount) {
        ByteBuffer codeBytes = BitMask.EMPTY;
        ByteBuffer converted = BitMask.EMPTY;
        if (readCount > 0) {
            // A fresh array: the event is immutable once sent, and travels zero-copy. The converted
            // columns are exactly the ones the operation asked for, so its mask is shared, not copied.
            byte[] b = new byte[2 * tile.cols()];
            for (int k = 0; k < readCount; k++) {
                SHORT_LE.set(b, 2 * readCols[k], (short) codes[k]);
            }
            codeBytes = ByteBuffer.wrap(b);
            converted = op.getRead().duplicate();
        }
        Adc adc = readPath.adc();
        return new RowResult(tile.index(), row, rowCycle, demand.setOps + demand.resetOps + demand.readOps, codeBytes,
                converted, adc.lowMicroSiemens(), adc.lsbMicroSiemens());
    }
}
