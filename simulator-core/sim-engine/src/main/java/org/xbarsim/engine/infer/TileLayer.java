package org.xbarsim.engine.infer;

import static org.xbarsim.engine.bus.Futures.await;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import java.util.ArrayList;
import java.util.List;
import org.xbarsim.api.event.MvmBatch;
import org.xbarsim.api.event.MvmResult;
import org.xbarsim.api.inference.AnalogLayer;
import org.xbarsim.engine.bus.SimulationBus;
import org.xbarsim.api.cost.Costs;
import org.xbarsim.engine.converter.AmplitudeDrive;
import org.xbarsim.engine.hw.ChipConfig;
import org.xbarsim.engine.hw.Dac;
import org.xbarsim.engine.hw.MvmBlock;
import org.xbarsim.engine.run.TileJob;
import org.xbarsim.engine.run.WeightSlicing;
import org.xbarsim.engine.timeline.MultiplyCalls;

/**
 * A programmed layer as a workload sees it. A multiply quantises the batch with the layer's input
 * DAC, sends each tile its rows on the event bus (the tiles compute in parallel on their loops),
 * adds the tiles' partial sums digitally in tile order, and rescales from uS back to weight units:
 * w = W w_clip / R (R = F G_T on two pairs, G_T on smaller cells), times the drift compensation.
 *
 * <p>Sliced inputs ({@link Dac.Encoding#SLICED}) reach the tiles as {@link Dac#reads} rows per sample,
 * each read integrated and converted on its own and added with its weight ({@link Dac#sliceWeight});
 * sliced weights ({@link WeightSlicing}) occupy {@code slices x outputs} columns, added with their
 * significance after conversion. Every read is charged what a multiply is: its devices read, its rows
 * driven and stepped, its columns converted and accumulated.
 *
 * <p>The DAC and ADC ranges are calibrated once ({@link #calibrate}, or on the first batch) and then
 * fixed. Energy is charged per multiply by the chip's cost model; time is not this class's: each
 * multiply is recorded ({@link MultiplyCalls}) and the chip's clock times them all
 * ({@link org.xbarsim.engine.timeline.InferenceTimeline}).
 */
final class TileLayer implements AnalogLayer {
    /**
     * How the layer's inputs reach its rows: the DAC's bits, its encoding and, for sliced inputs, the bits
     * per read (1: bit-serial; ignored by the other encodings).
     */
    record InputEncoding(int dacBits, Dac.Encoding encoding, int sliceBits) {
    }

    private final int index;
    private final int inputs;
    private final int outputs;
    /** Columns programmed: the outputs, times the slices of a sliced weight. */
    private final int columns;
    private final List<TileJob> jobs;
    private final EventBus bus;
    private final SimulationBus.Addresses addresses;
    private final double scale;
    private final InputEncoding input;
    private final WeightSlicing slicing;
    private final ChipConfig chip;
    private final Costs costs;
    private final MultiplyCalls calls;
    /** Per job: its block (for the array's read energy) and its rows' amplitude drive (null: ideal). */
    private final List<MvmBlock> blocks;
    private final List<AmplitudeDrive> drives;
    private Dac dac;
    private long batches;
    double energyPicojoules;
    /** The energy by part: the array's reads, conversions, row drive and DAC steps, digital periphery. */
    double arrayPicojoules;
    double adcPicojoules;
    double dacPicojoules;
    double digitalPicojoules;

    /** {@code columns}: the programmed matrix's width, {@code slicing.slices()} times the layer's outputs. */
    TileLayer(int index, int inputs, int columns, List<TileJob> jobs, List<MvmBlock> blocks,
              List<AmplitudeDrive> drives, EventBus bus, SimulationBus.Addresses addresses, double scale,
              InputEncoding input, WeightSlicing slicing, ChipConfig chip, MultiplyCalls calls) {
        this.index = index;
        this.inputs = inputs;
        this.columns = columns;
        this.outputs = columns / slicing.slices();
        this.jobs = jobs;
        this.blocks = blocks;
        this.drives = drives;
        this.bus = bus;
        this.addresses = addresses;
        this.scale = scale;
        this.input = input;
        this.slicing = slicing;
        this.chip = chip;
        this.costs = chip.costs();
        this.calls = calls;
    }

    @Override
    public int inputs() {
        return inputs;
    }

    @Override
    public int outputs() {
        return outputs;
    }

    @Override
    public void multiply(float[] x, int batch, float[] y) {
        if (x.length < batch * inputs || y.length < batch * outputs) {
            throw new IllegalArgumentException("layer " + index + ": a batch of " + batch + " needs " + batch * inputs
                    + " inputs and " + batch * outputs + " outputs, got arrays of " + x.length + " and " + y.length);
        }
        if (dac == null) {
            calibrate(x, batch);
        }
        List<Future<Message<MvmResult>>> replies = send(x, batch, false);
        float[] sums = slicing.sliced() ? new float[batch * columns] : y;
        java.util.Arrays.fill(sums, 0, batch * columns, 0f);
        int reads = dac.reads();
        for (int t = 0; t < jobs.size(); t++) {
            TileJob job = jobs.get(t);
            MvmResult result = await(replies.get(t)).body();
            float[] part = new float[batch * reads * job.cols()];
            Floats.unpack(result.getOutputs(), part);
            accumulate(job, part, batch, reads, sums);
            charge(job, batch, reads);
        }
        if (slicing.sliced()) {
            slicing.combine(sums, batch, outputs, y);
        }
        // The digital periphery rescales and activates each of the layer's outputs once per sample.
        double digital = (double) batch * outputs * (costs.scale() + costs.activation());
        energyPicojoules += digital;
        digitalPicojoules += digital;
        for (int i = 0; i < batch * outputs; i++) {
            y[i] = (float) (y[i] * scale);
        }
        calls.add(index, batch);
        batches++;
    }

    /**
     * Adds a tile's partial sums into the layer's columns: as they come with one read per sample; each
     * sample's reads weighted by the DAC's slice weights and added first when the inputs are sliced.
     */
    private void accumulate(TileJob job, float[] part, int batch, int reads, float[] sums) {
        for (int b = 0; b < batch; b++) {
            for (int c = 0; c < job.cols(); c++) {
                if (reads == 1) {
                    sums[b * columns + job.colOffset() + c] += part[b * job.cols() + c];
                    continue;
                }
                double sum = 0;
                for (int j = 0; j < reads; j++) {
                    sum += dac.sliceWeight(j) * part[(b * reads + j) * job.cols() + c];
                }
                sums[b * columns + job.colOffset() + c] += (float) sum;
            }
        }
    }

    @Override
    public void calibrate(float[] x, int batch) {
        double largest = 0;
        boolean signed = false;
        for (int i = 0; i < batch * inputs; i++) {
            largest = Math.max(largest, Math.abs(x[i]));
            signed |= x[i] < 0;
        }
        dac = new Dac(input.dacBits(), largest > 0 ? largest : 1.0, signed, input.encoding(), input.sliceBits());
        for (Future<Message<MvmResult>> reply : send(x, batch, true)) {
            await(reply);
        }
    }

    /**
     * Quantises the batch with the DAC and sends each tile its rows, each sample's reads one after
     * another: with amplitude (or sliced) encoding, what each row contributes is its own DAC's level
     * through the devices' I-V curve. A multiply (not a calibration read) is charged the array's V^2 G t
     * for the inputs it drives.
     */
    private List<Future<Message<MvmResult>>> send(float[] x, int batch, boolean calibration) {
        List<Future<Message<MvmResult>>> replies = new ArrayList<>(jobs.size());
        int reads = dac.reads();
        for (int t = 0; t < jobs.size(); t++) {
            TileJob job = jobs.get(t);
            AmplitudeDrive drive = drives.get(t);
            boolean physical = !calibration && costs.readVolts() > 0;
            double driven = 0;
            float[] slice = new float[batch * reads * job.rows()];
            for (int b = 0; b < batch; b++) {
                for (int r = 0; r < job.rows(); r++) {
                    double q = dac.quantize(x[b * inputs + job.rowOffset() + r]);
                    for (int j = 0; j < reads; j++) {
                        double v = dac.slice(q, j);
                        if (physical) {
                            driven += driveShare(v) * blocks.get(t).rowConductance(r);
                        }
                        slice[(b * reads + j) * job.rows() + r] = (float) (drive == null ? v
                                : drive.drive(r, v, dac.sliceStep(), dac.range()));
                    }
                }
            }
            if (physical) {
                double array = costs.readEnergy(driven, 1.0, 1.0);
                energyPicojoules += array;
                arrayPicojoules += array;
            }
            replies.add(bus.request(addresses.mvm(job.tile()), new MvmBatch(index, job.tile(),
                    calibration ? -1L : batches, batch * reads, Floats.pack(slice, 0, slice.length), calibration)));
        }
        return replies;
    }

    /** The DAC's steps of one read's input phase (0 before the layer is calibrated: it has multiplied nothing). */
    long dacSteps() {
        return dac == null ? 0 : dac.steps();
    }

    /** Reads of one multiply: the input slices (1 unless the inputs are sliced, or before calibration). */
    int reads() {
        return dac == null ? 1 : dac.reads();
    }

    /**
     * The seconds-at-full-read-voltage-squared a row driven with {@code q} is worth, so that V^2 G t of
     * the row is readVolts^2 G times this: with duration encoding the full voltage for |q| / range of the
     * 2^bits - 1 DAC steps; with amplitude encoding (and each read of sliced encoding) (|q| / range)^2 of
     * the voltage squared for the integration time. The devices' I-V curve is left out of this energy.
     */
    private double driveShare(double q) {
        double v = Math.abs(q) / dac.range();
        return dac.encoding() == Dac.Encoding.DURATION ? v * chip.seconds(dac.steps() * chip.dacStepCycles())
                : v * v * chip.seconds(chip.integrationCycles());
    }

    /**
     * Every column converted, every row driven and stepped through the DAC, every partial sum added
     * digitally, the fixed part of every device's read: once per read. Summed in this order, so that the
     * flat model's total is what it was before costs had parts.
     */
    private void charge(TileJob job, int batch, int reads) {
        int n = batch * reads;
        double read = (double) chip.devicesPerCell() * job.rows() * job.cols() * costs.readPerDevice();
        double adc = job.cols() * costs.adc();
        double drive = job.rows() * costs.rowDrive();
        energyPicojoules += n * (read + adc + drive);
        double steps = (double) n * job.rows() * dac.steps() * costs.dacStep();
        double accumulate = (double) n * job.cols() * costs.accumulate();
        energyPicojoules += steps + accumulate;
        arrayPicojoules += n * read;
        adcPicojoules += n * adc;
        dacPicojoules += n * drive + steps;
        digitalPicojoules += accumulate;
    }

}
