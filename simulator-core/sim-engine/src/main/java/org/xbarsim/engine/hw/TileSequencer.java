package org.xbarsim.engine.hw;

import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.xbarsim.api.event.OpKind;
import org.xbarsim.api.event.RowOp;
import org.xbarsim.api.event.RowResult;
import org.xbarsim.api.programming.BitMask;
import org.xbarsim.api.cost.Costs;
import org.xbarsim.api.random.RandomStream;
import org.xbarsim.api.random.RandomStreams;
import org.xbarsim.engine.converter.AdcErrors;
import org.xbarsim.engine.converter.ColumnAdcs;
import org.xbarsim.engine.kernel.Action;
import org.xbarsim.engine.kernel.Kernel;
import org.xbarsim.engine.kernel.Priority;

/**
 * Executes row operations on a tile in simulated time: drives the pulse, waits its duration,
 * integrates and converts the verify read, and delivers the outcome. The timed path schedules the
 * functional steps of {@link RowDriver} and {@link ReadPath} on the tile's {@link Kernel}; the
 * actions are fields, reused for every operation, so the steady state allocates only the outgoing
 * event.
 */
public final class TileSequencer {
    /** ADC codes travel as unsigned 16-bit little-endian values (see events.avdl). */
    private static final java.lang.invoke.VarHandle SHORT_LE = java.lang.invoke.MethodHandles
            .byteArrayViewVarHandle(short[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    private final CrossbarTile tile;
    private final ChipConfig chip;
    private final RowDriver driver;
    private final ReadPath readPath;
    private final Kernel kernel = new Kernel();
    private final RandomStream pulseNoise;
    private final RandomStream readNoise;
    private final Consumer<RowResult> sink;
    private final Costs costs;
    /** Noise of the column ADCs' conversions, or null when they add none. */
    private final RandomStream adcNoise;
    /** The ADC calibration's energy, charged to the first row once it starts. */
    private double calibrationPicojoules;

    private final int[] readCols;
    private final double[] sampled;
    private final int[] codes;
    private int readCount;

    private RowOp op;
    private final RowCounters counters = new RowCounters();

    private final Action drive = this::drive;
    private final Action sample = this::sample;
    private final Action convert = this::convert;
    private final Action deliver = this::deliver;

    public TileSequencer(CrossbarTile tile, ChipConfig chip, RandomStream pulseNoise, RandomStream readNoise,
                         Consumer<RowResult> sink) {
        this(tile, chip, pulseNoise, readNoise, sink, null);
    }

    /**
     * A sequencer whose periphery is built as {@code chip.periphery()} says, its column ADCs drawn from the
     * tile's streams {@code tileStreams} ({@code tile3/adc17}; null: ideal ADCs). Calibrating them, when
     * asked, takes the tile's first cycles and energy.
     */
    public TileSequencer(CrossbarTile tile, ChipConfig chip, RandomStream pulseNoise, RandomStream readNoise,
                         Consumer<RowResult> sink, RandomStreams.Scope tileStreams) {
        this.tile = tile;
        this.chip = chip;
        this.costs = chip.costs();
        this.driver = new RowDriver(tile);
        PeripheryConfig built = chip.periphery();
        ColumnAdcs adcs = tileStreams == null ? null : ColumnAdcs.build(built.adcErrors(), chip.adcBits(),
                built.adcArchitecture(), tile.cols(), chip.columnsPerAdc(), tileStreams);
        VerifyWires wires = built.wires().present() && built.wires().verifyReads()
                ? new VerifyWires(tile, built.wires()) : null;
        this.readPath = new ReadPath(tile, new Adc(chip.adcBits(), chip.adcRangeMicroSiemens()), chip.columnsPerAdc(),
                adcs, wires);
        this.adcNoise = adcs != null && adcs.noisy() ? tileStreams.stream("adc-noise") : null;
        if (adcs != null && adcs.calibrated()) {
            calibrate(adcs);
        }
        this.pulseNoise = pulseNoise;
        this.readNoise = readNoise;
        this.sink = sink;
        this.readCols = new int[tile.cols()];
        this.sampled = new double[tile.cols()];
        this.codes = new int[tile.cols()];
    }

    public long now() {
        return kernel.now();
    }

    /** Per-row operation counts and energy; {@link #startRow} clears them. */
    public RowCounters counters() {
        return counters;
    }

    public void startRow() {
        counters.clear(kernel.now());
        counters.energy.calibration = calibrationPicojoules;
        counters.energyPicojoules = calibrationPicojoules;
        calibrationPicojoules = 0;
    }

    /**
     * Each ADC converts {@link AdcErrors#CALIBRATION_POINTS} reference inputs, the ADCs in parallel: the
     * tile's clock starts after them, and their conversions are charged to its first row.
     */
    private void calibrate(ColumnAdcs adcs) {
        long end = AdcErrors.CALIBRATION_POINTS * chip.periphery().adcConversionCycles();
        kernel.schedule(end, Priority.DELIVER, cycle -> { });
        kernel.runUntilIdle();
        calibrationPicojoules = (double) AdcErrors.CALIBRATION_POINTS * adcs.adcs() * costs.adc();
    }

    /** Runs one operation to completion in simulated time; the outcome goes to the sink. */
    public void execute(RowOp rowOp) {
        if (rowOp.getRow() < 0 || rowOp.getRow() >= tile.rows()) {
            throw new IllegalArgumentException("row " + rowOp.getRow() + " is outside tile " + tile.index());
        }
        this.op = rowOp;
        switch (rowOp.getKind()) {
            case SET, RESET -> kernel.schedule(kernel.now(), Priority.DRIVE, drive);
            case READ -> startRead(kernel.now());
            case DONE -> throw new IllegalArgumentException("DONE is not a hardware operation");
        }
        kernel.runUntilIdle();
    }

    private void drive(long cycle) {
        int enabled = driver.decode(op.getEnable());
        long duration;
        if (op.getKind() == OpKind.SET) {
            if (!(op.getStrength() > 0)) {
                throw new IllegalArgumentException("SET strength must be > 0, got " + op.getStrength());
            }
            driver.set(op.getRow(), op.getStrength(), pulseNoise);
            counters.setOps++;
            double energy = enabled * costs.set();
            counters.energyPicojoules += energy;
            counters.energy.set += energy;
            duration = chip.setCycles();
        } else {
            driver.reset(op.getRow(), pulseNoise);
            int lines = driver.linesEnabled();
            counters.resetOps += lines;
            double energy = enabled * costs.reset();
            counters.energyPicojoules += energy;
            counters.energy.reset += energy;
            duration = lines * chip.resetCycles();
        }
        long end = cycle + duration;
        if (op.getRead().limit() > 0) {
            startRead(end);
        } else {
            readCount = 0;
            kernel.schedule(end, Priority.DELIVER, deliver);
        }
    }

    private void startRead(long cycle) {
        readCount = BitMask.indices(op.getRead(), 0, tile.cols(), readCols);
        kernel.schedule(cycle + chip.integrationCycles(), Priority.SAMPLE, sample);
    }

    private void sample(long cycle) {
        readPath.sample(op.getRow(), readCols, readCount, readNoise, sampled);
        long series = readPath.conversionsInSeries(readCols, readCount);
        counters.readOps++;
        // Summed in this order, so that the flat model's total is what it was before costs had parts.
        double read = readCount * 4 * costs.readPerDevice();
        if (costs.readVolts() > 0) {
            read += costs.readEnergy(rowConductance(op.getRow()), 1.0, chip.seconds(chip.integrationCycles()));
        }
        double adc = readCount * costs.adc();
        counters.energyPicojoules += read + adc + costs.rowDrive();
        counters.energy.read += read;
        counters.energy.adc += adc;
        counters.energy.dac += costs.rowDrive();
        kernel.schedule(cycle + series * chip.periphery().adcConversionCycles(), Priority.CONVERT, convert);
    }

    /** Sum of the conductances on a row, uS: a read drives every device of the row, converted or not. */
    private double rowConductance(int row) {
        double[] g = tile.devices().conductances();
        double sum = 0;
        for (int line = 0; line < 4; line++) {
            int base = tile.base(line, row);
            for (int c = 0; c < tile.cols(); c++) {
                sum += g[base + c];
            }
        }
        return sum;
    }

    private void convert(long cycle) {
        readPath.convert(readCols, sampled, readCount, adcNoise, codes);
        kernel.schedule(cycle, Priority.DELIVER, deliver);
    }

    private void deliver(long cycle) {
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
        sink.accept(new RowResult(tile.index(), op.getRow(), cycle, counters.operations(), codeBytes, converted,
                adc.lowMicroSiemens(), adc.lsbMicroSiemens()));
    }

    /** Mutable per-row counters, primitives only. */
    public static final class RowCounters {
        public int setOps;
        public int resetOps;
        public int readOps;
        public double energyPicojoules;
        /** The energy by part. */
        public final ProgrammingEnergy energy = new ProgrammingEnergy();
        public long startCycle;

        /** Row operations so far: pulse operations and reads. */
        public int operations() {
            return setOps + resetOps + readOps;
        }

        void clear(long now) {
            setOps = 0;
            resetOps = 0;
            readOps = 0;
            energyPicojoules = 0;
            energy.clear();
            startCycle = now;
        }
    }
}
