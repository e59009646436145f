package org.xbarsim.engine.infer;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import org.xbarsim.api.event.MvmBatch;
import org.xbarsim.api.event.MvmResult;
import org.xbarsim.api.random.RandomStream;
import org.xbarsim.api.random.RandomStreams;
import org.xbarsim.engine.converter.ColumnAdcs;
import org.xbarsim.engine.hw.Adc;
import org.xbarsim.engine.hw.MvmBlock;

/**
 * One programmed tile answering analog multiply requests for its block, on its event loop. Its ADC
 * range is set by a calibration read (the largest noiseless output, with headroom), as a chip is
 * calibrated once before it serves ({@link TileLayer} sends one before its first multiply); after
 * that the range is fixed.
 *
 * <p>The read noise of batch k comes from the stream {@code tile3/inference/k} (under a prefix for each
 * reading of a chip in its working life): a result depends on the batch, never on which thread or in
 * which interleaving it was computed.
 */
final class MvmTile extends VerticleBase {
    /** Headroom above the calibration batch's largest output before the ADC clips. */
    static final double ADC_HEADROOM = 1.25;

    private final int tile;
    private final MvmBlock block;
    private final int adcBits;
    private final RandomStreams.Scope streams;
    /** The tile's column ADCs as built (the same draws programming's verify reads used), or null: ideal. */
    private final ColumnAdcs adcs;
    private final String address;
    /** Prefix of the noise streams' names: distinct readings of one chip draw distinct noise. */
    private final String noise;
    private Adc adc;

    MvmTile(int tile, MvmBlock block, int adcBits, RandomStreams.Scope streams, ColumnAdcs adcs, String address,
            String noise) {
        this.tile = tile;
        this.noise = noise;
        this.address = address;
        this.block = block;
        this.adcBits = adcBits;
        this.streams = streams;
        this.adcs = adcs;
    }

    @Override
    public Future<?> start() {
        return vertx.eventBus().localConsumer(address, this::onBatch).completion();
    }

    private void onBatch(Message<MvmBatch> message) {
        MvmBatch request = message.body();
        int batch = request.getBatch();
        float[] x = new float[batch * block.rows()];
        Floats.unpack(request.getInputs(), x);
        float[] y = new float[batch * block.cols()];
        if (request.getCalibration()) {
            calibrate(x, batch, y);
            message.reply(new MvmResult(request.getLayer(), tile, request.getIndex(), 0, Floats.pack(y, 0, 0)));
            return;
        }
        RandomStream adcNoise = adcs != null && adcs.noisy() ? streams.stream(noise + "adc-noise/" + request.getIndex())
                : null;
        block.multiply(x, batch, adc, adcs, adcNoise, streams.stream(noise + "inference/" + request.getIndex()), y);
        message.reply(new MvmResult(request.getLayer(), tile, request.getIndex(), batch,
                Floats.pack(y, 0, y.length)));
    }

    /** Sets the ADC's range from the batch's largest noiseless output (1 uS when every output is 0). */
    private void calibrate(float[] x, int batch, float[] y) {
        block.multiply(x, batch, null, null, y);
        double largest = 0;
        for (float v : y) {
            largest = Math.max(largest, Math.abs(v));
        }
        adc = new Adc(adcBits, largest > 0 ? ADC_HEADROOM * largest : 1.0);
    }
}
