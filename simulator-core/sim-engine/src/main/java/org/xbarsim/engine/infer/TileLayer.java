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
import org.xbarsim.engine.hw.ChipConfig;
import org.xbarsim.engine.hw.Dac;
import org.xbarsim.engine.run.TileJob;

/**
 * A programmed layer as a workload sees it. A multiply quantises the batch with the layer's input
 * DAC, sends each tile its rows on the event bus (the tiles compute in parallel on their loops),
 * adds the tiles' partial sums digitally in tile order, and rescales from uS back to weight units:
 * w = W w_clip / (F G_T), times the drift compensation.
 *
 * <p>The DAC and ADC ranges are calibrated once ({@link #calibrate}, or on the first batch) and then
 * fixed. Time and energy are accounted per multiply from the chip's timing and
 * energy parameters: the tiles of a layer work in parallel, so a multiply takes as long as its
 * slowest tile.
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
    private Dac dac;
    private long batches;
    long multiplies;
    long cycles;
    double energyPicojoules;

    TileLayer(int index, int inputs, int outputs, List<TileJob> jobs, EventBus bus, SimulationBus.Addresses addresses,
              double scale, int dacBits, Dac.Encoding encoding, ChipConfig chip) {
        this.index = index;
        this.inputs = inputs;
        this.outputs = outputs;
        this.jobs = jobs;
        this.bus = bus;
        this.addresses = addresses;
        this.scale = scale;
        this.dacBits = dacBits;
        this.encoding = encoding;
        this.chip = chip;
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
        long slowest = 0;
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
            slowest = Math.max(slowest, tileCycles(job));
            energyPicojoules += batch * tileEnergy(job);
        }
        for (int i = 0; i < batch * outputs; i++) {
            y[i] = (float) (y[i] * scale);
        }
        cycles += batch * slowest;
        multiplies += batch;
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

    /** Quantises the batch with the DAC and sends each tile its rows. */
    private List<Future<Message<MvmResult>>> send(float[] x, int batch, boolean calibration) {
        List<Future<Message<MvmResult>>> replies = new ArrayList<>(jobs.size());
        for (TileJob job : jobs) {
            float[] slice = new float[batch * job.rows()];
            for (int b = 0; b < batch; b++) {
                for (int r = 0; r < job.rows(); r++) {
                    slice[b * job.rows() + r] = (float) dac.quantize(x[b * inputs + job.rowOffset() + r]);
                }
            }
            replies.add(bus.request(addresses.mvm(job.tile()), new MvmBatch(index, job.tile(),
                    calibration ? -1L : batches, batch, Floats.pack(slice, 0, slice.length), calibration)));
        }
        return replies;
    }

    /** Input phase, integration, then the column conversions, which run in series on shared ADCs. */
    private long tileCycles(TileJob job) {
        long conversions = Math.min(chip.columnsPerAdc(), job.cols());
        return dac.steps() * chip.dacStepCycles() + chip.integrationCycles()
                + conversions * chip.adcBits() * chip.adcBitCycles();
    }

    /** Every device of the block is read, every column converted, every row driven. */
    private double tileEnergy(TileJob job) {
        return 4.0 * job.rows() * job.cols() * chip.readPicojoules() + job.cols() * chip.adcPicojoules()
                + job.rows() * chip.dacPicojoules();
    }

}
