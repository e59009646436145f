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
import org.xbarsim.engine.timeline.MultiplyCalls;

/**
 * A programmed layer as a workload sees it. A multiply quantises the batch with the layer's input
 * DAC, sends each tile its rows on the event bus (the tiles compute in parallel on their loops),
 * adds the tiles' partial sums digitally in tile order, and rescales from uS back to weight units:
 * w = W w_clip / R (R = F G_T on two pairs, G_T on smaller cells), times the drift compensation.
 *
 * <p>The DAC and ADC ranges are calibrated once ({@link #calibrate}, or on the first batch) and then
 * fixed. Energy is charged per multiply by the chip's cost model; time is not this class's: each
 * multiply is recorded ({@link MultiplyCalls}) and the chip's clock times them all
 * ({@link org.xbarsim.engine.timeline.InferenceTimeline}).
 */
final class TileLayer implements AnalogLayer {
    private final int index;
    private final int inputs;
    private final int outputs;
    private final List<TileJob> jobs;
    private final EventBus bus;
    private final SimulationBus.Addresses addresses;
    private final double scale;
    private final int dacBits;
    private final Dac.Encoding encoding;
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

    TileLayer(int index, int inputs, int outputs, List<TileJob> jobs, List<MvmBlock> blocks,
              List<AmplitudeDrive> drives, EventBus bus, SimulationBus.Addresses addresses, double scale, int dacBits,
              Dac.Encoding encoding, ChipConfig chip, MultiplyCalls calls) {
        this.index = index;
        this.inputs = inputs;
        this.outputs = outputs;
        this.jobs = jobs;
        this.blocks = blocks;
        this.drives = drives;
        this.bus = bus;
        this.addresses = addresses;
        this.scale = scale;
        this.dacBits = dacBits;
        this.encoding = encoding;
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
        java.util.Arrays.fill(y, 0, batch * outputs, 0f);
        for (int t = 0; t < jobs.size(); t++) {
            TileJob job = jobs.get(t);
            MvmResult result = await(replies.get(t)).body();
            float[] part = new float[batch * job.cols()];
            Floats.unpack(result.getOutputs(), part);
            for (int b = 0; b < batch; b++) {
                for (int c = 0; c < job.cols(); c++) {
                    y[b * outputs + job.colOffset() + c] += part[b * job.cols() + c];
                }
            }
            charge(job, batch);
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

    @Override
    public void calibrate(float[] x, int batch) {
        double largest = 0;
        boolean signed = false;
        for (int i = 0; i < batch * inputs; i++) {
            largest = Math.max(largest, Math.abs(x[i]));
            signed |= x[i] < 0;
        }
        dac = new Dac(dacBits, largest > 0 ? largest : 1.0, signed, encoding);
        for (Future<Message<MvmResult>> reply : send(x, batch, true)) {
            await(reply);
        }
    }

    /**
     * Quantises the batch with the DAC and sends each tile its rows: with amplitude encoding, what each
     * row contributes is its own DAC's level through the devices' I-V curve. A multiply (not a
     * calibration read) is charged the array's V^2 G t for the inputs it drives.
     */
    private List<Future<Message<MvmResult>>> send(float[] x, int batch, boolean calibration) {
        List<Future<Message<MvmResult>>> replies = new ArrayList<>(jobs.size());
        for (int t = 0; t < jobs.size(); t++) {
            TileJob job = jobs.get(t);
            AmplitudeDrive drive = drives.get(t);
            boolean physical = !calibration && costs.readVolts() > 0;
            double driven = 0;
            float[] slice = new float[batch * job.rows()];
            for (int b = 0; b < batch; b++) {
                for (int r = 0; r < job.rows(); r++) {
                    double q = dac.quantize(x[b * inputs + job.rowOffset() + r]);
                    if (physical) {
                        driven += driveShare(q) * blocks.get(t).rowConductance(r);
                    }
                    slice[b * job.rows() + r] = (float) (drive == null ? q
                            : drive.drive(r, q, dac.step(), dac.range()));
                }
            }
            if (physical) {
                double array = costs.readEnergy(driven, 1.0, 1.0);
                energyPicojoules += array;
                arrayPicojoules += array;
            }
            replies.add(bus.request(addresses.mvm(job.tile()), new MvmBatch(index, job.tile(),
                    calibration ? -1L : batches, batch, Floats.pack(slice, 0, slice.length), calibration)));
        }
        return replies;
    }

    /** The DAC's steps of one multiply's input phase (0 before the layer is calibrated: it has multiplied nothing). */
    long dacSteps() {
        return dac == null ? 0 : dac.steps();
    }

    /**
     * The seconds-at-full-read-voltage-squared a row driven with {@code q} is worth, so that V^2 G t of
     * the row is readVolts^2 G times this: with duration encoding the full voltage for |q| / range of the
     * 2^bits - 1 DAC steps; with amplitude encoding (|q| / range)^2 of the voltage squared for the
     * integration time. The devices' I-V curve is left out of this energy.
     */
    private double driveShare(double q) {
        double v = Math.abs(q) / dac.range();
        return dac.encoding() == Dac.Encoding.DURATION ? v * chip.seconds(dac.steps() * chip.dacStepCycles())
                : v * v * chip.seconds(chip.integrationCycles());
    }

    /**
     * Every column converted, every row driven and stepped through the DAC, every partial sum added
     * digitally; the fixed part of every device's read. Summed in this order, so that the flat model's
     * total is what it was before costs had parts.
     */
    private void charge(TileJob job, int batch) {
        double read = (double) chip.devicesPerCell() * job.rows() * job.cols() * costs.readPerDevice();
        double adc = job.cols() * costs.adc();
        double drive = job.rows() * costs.rowDrive();
        energyPicojoules += batch * (read + adc + drive);
        double steps = (double) batch * job.rows() * dac.steps() * costs.dacStep();
        double accumulate = (double) batch * job.cols() * costs.accumulate();
        energyPicojoules += steps + accumulate;
        arrayPicojoules += batch * read;
        adcPicojoules += batch * adc;
        dacPicojoules += batch * drive + steps;
        digitalPicojoules += accumulate;
    }

}
