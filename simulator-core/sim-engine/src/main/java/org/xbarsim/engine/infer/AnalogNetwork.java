package org.xbarsim.engine.infer;

import static org.xbarsim.engine.bus.Futures.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.ArrayList;
import java.util.List;
import org.xbarsim.api.inference.AnalogLayer;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.random.RandomStream;
import org.xbarsim.api.random.RandomStreams;
import org.xbarsim.engine.bus.SimulationBus;
import org.xbarsim.engine.hw.ChipConfig;
import org.xbarsim.engine.hw.CrossbarTile;
import org.xbarsim.engine.hw.Dac;
import org.xbarsim.engine.hw.MvmBlock;
import org.xbarsim.engine.hw.OpTiming;
import org.xbarsim.engine.hw.PeripheryConfig;
import org.xbarsim.engine.converter.AmplitudeDrive;
import org.xbarsim.engine.converter.ColumnAdcs;
import org.xbarsim.engine.converter.SinhIv;
import org.xbarsim.engine.run.TileJob;
import org.xbarsim.engine.run.WeightSlicing;
import org.xbarsim.engine.timeline.InferenceTimeline;
import org.xbarsim.engine.timeline.InferenceTiming;
import org.xbarsim.engine.timeline.MultiplyCalls;

/**
 * The programmed chip serving inference: one {@link MvmTile} verticle per tile on a fresh Vert.x
 * instance, and a {@link TileLayer} per layer for the workload to call.
 *
 * <p>Drift compensation (science.md section 6 leaves it to the periphery): after drifting for
 * {@code inference.time}, each layer's outputs are scaled by sum|W(0)| / sum|W(t)| over its cells,
 * the mean drift a calibration read of the layer would measure. It corrects the mean decay, not the
 * device-to-device spread of drift exponents, which is what still costs accuracy.
 */
public final class AnalogNetwork implements AutoCloseable {
    private final Vertx vertx;
    private final boolean ownVertx;
    private final SimulationBus.Addresses addresses = SimulationBus.newRun();
    private final List<String> deployed = new ArrayList<>();
    private final List<TileLayer> layers = new ArrayList<>();
    private final MultiplyCalls calls = new MultiplyCalls();
    /** Each layer's drift-compensation factor, in layer order. */
    private final List<Double> compensation = new ArrayList<>();
    private final List<InferenceTimeline.TileShape> shapes = new ArrayList<>();
    private ChipConfig chip;

    private AnalogNetwork(Vertx vertx, boolean ownVertx) {
        this.vertx = vertx;
        this.ownVertx = ownVertx;
    }

    /** As below, on a Vert.x instance of its own with {@code threads} event loops. */
    public static AnalogNetwork start(ChipConfig chip, List<TileJob> jobs, List<CrossbarTile> programmed,
                                      Parameters inference, double gTargetMax, RandomStreams streams, int threads) {
        return start(null, chip, jobs, programmed, inference, gTargetMax, streams, threads);
    }

    /**
     * @param jobs       the tile jobs of the programming run
     * @param programmed the tiles as programming left them, in job order
     * @param inference  resolved {@code inference.*} parameters
     */
    public static AnalogNetwork start(Vertx given, ChipConfig chip, List<TileJob> jobs, List<CrossbarTile> programmed,
                                      Parameters inference, double gTargetMax, RandomStreams streams, int threads) {
        return start(given, chip, jobs, programmed, inference, gTargetMax, streams, threads,
                ReadMoment.after(inference.number("time")));
    }

    /** As above, read at {@code moment} rather than {@code inference.time} after programming. */
    public static AnalogNetwork start(Vertx given, ChipConfig chip, List<TileJob> jobs, List<CrossbarTile> programmed,
                                      Parameters inference, double gTargetMax, RandomStreams streams, int threads,
                                      ReadMoment moment) {
        Vertx vertx = given != null ? given
                : Vertx.builder().with(new VertxOptions().setEventLoopPoolSize(threads)).build();
        AnalogNetwork network = new AnalogNetwork(vertx, given == null);
        network.chip = chip;
        try {
            SimulationBus.registerCodecs(vertx);
            int layerCount = jobs.stream().mapToInt(TileJob::layer).max().orElse(-1) + 1;
            for (int l = 0; l < layerCount; l++) {
                network.layers.add(network.startLayer(l, chip, jobs, programmed, inference, gTargetMax, streams,
                        moment));
            }
            return network;
        } catch (RuntimeException e) {
            network.close();
            throw e;
        }
    }

    /**
     * Deploys the tiles of layer {@code l} and returns the layer. Each tile's converters are built from
     * the tile's own streams, so its ADCs err exactly as they did in programming's verify reads.
     */
    private TileLayer startLayer(int l, ChipConfig chip, List<TileJob> jobs, List<CrossbarTile> programmed,
                                 Parameters inference, double gTargetMax, RandomStreams streams, ReadMoment moment) {
        // A moment that brings its own factors (a working life's last compensation read) is not measured again.
        boolean measure = moment.compensation() == null && inference.text("driftCompensation").equals("on");
        TileLayer.InputEncoding input = inputEncoding(inference);
        Dac.Encoding encoding = input.encoding();
        PeripheryConfig built = chip.periphery();
        List<TileJob> layerJobs = new ArrayList<>();
        List<MvmBlock> blocks = new ArrayList<>();
        List<AmplitudeDrive> drives = new ArrayList<>();
        double asProgrammed = 0;
        double drifted = 0;
        int inputs = 0;
        int columns = 0;
        for (int i = 0; i < jobs.size(); i++) {
            TileJob job = jobs.get(i);
            if (job.layer() != l) {
                continue;
            }
            layerJobs.add(job);
            shapes.add(new InferenceTimeline.TileShape(job.tile(), l, job.rows(), job.cols()));
            inputs = Math.max(inputs, job.rowOffset() + job.rows());
            columns = Math.max(columns, job.colOffset() + job.cols());
            CrossbarTile tile = programmed.get(i);
            RandomStream held = streams.child("tile" + job.tile()).stream("inference/held");
            MvmBlock block = moment.ages() == null
                    ? new MvmBlock(tile, job.rows(), job.cols(), moment.seconds(), built.wires(), held)
                    : new MvmBlock(tile, job.rows(), job.cols(), moment.ages().get(i), built.wires(), held);
            if (measure) {
                asProgrammed += new MvmBlock(tile, job.rows(), job.cols(), 0, built.wires()).sumAbsWeights();
                drifted += block.sumAbsWeights();
            }
            blocks.add(block);
            RandomStreams.Scope scope = streams.child("tile" + job.tile());
            // A row's DAC has dacBits elements; whether the layer's inputs are signed is known only at
            // calibration, and a signed DAC uses the array's lower half of codes for its magnitude. A sliced
            // input's DAC has the bits of one slice, its sign the drive's polarity.
            int elements = encoding == Dac.Encoding.SLICED ? input.sliceBits() : input.dacBits();
            drives.add(encoding != Dac.Encoding.DURATION ? AmplitudeDrive.build(inference.number("dacMismatch"),
                    new SinhIv(inference.number("ivNonlinearity")), elements, tile.rows(), scope) : null);
            ColumnAdcs adcs = ColumnAdcs.build(built.adcErrors(), chip.adcBits(), built.adcArchitecture(),
                    chip.tileCols(), chip.columnsPerAdc(), scope);
            deployed.add(await(vertx.deployVerticle(new MvmTile(job.tile(), block, chip.adcBits(), scope, adcs,
                    addresses.mvm(job.tile()), moment.noise()))));
        }
        double compensation = measure ? (drifted > 0 ? asProgrammed / drifted : 1.0)
                : moment.compensation() != null ? moment.compensation()[l] : 1.0;
        this.compensation.add(compensation);
        double toWeights = layerJobs.get(0).weightClip() / chip.cell().weightRange(gTargetMax);
        return new TileLayer(l, inputs, columns, layerJobs, blocks, drives, vertx.eventBus(), addresses,
                toWeights * compensation, input, WeightSlicing.of(inference), chip, calls);
    }

    /** {@code inference.dacEncoding} and its bits: bit-serial inputs are slices of one bit. */
    private static TileLayer.InputEncoding inputEncoding(Parameters inference) {
        int dacBits = inference.integer("dacBits");
        return switch (inference.text("dacEncoding")) {
            case "duration" -> new TileLayer.InputEncoding(dacBits, Dac.Encoding.DURATION, 0);
            case "bitSerial" -> new TileLayer.InputEncoding(dacBits, Dac.Encoding.SLICED, 1);
            case "slices" -> new TileLayer.InputEncoding(dacBits, Dac.Encoding.SLICED,
                    inference.integer("inputSliceBits"));
            default -> new TileLayer.InputEncoding(dacBits, Dac.Encoding.AMPLITUDE, 0);
        };
    }

    /** Each layer's drift-compensation factor: what its outputs are rescaled by for the drift. */
    public List<Double> compensation() {
        return List.copyOf(compensation);
    }

    public int layerCount() {
        return layers.size();
    }

    public AnalogLayer layer(int index) {
        return layers.get(index);
    }

    /**
     * Every multiply so far timed on the chip's clock, each layer one multiply per sample: the layers
     * pipelined across their tiles, the samples streamed ({@link InferenceTimeline}).
     */
    public InferenceTiming timing() {
        return timing(null);
    }

    /**
     * As above with each layer's multiplies per sample (a convolution's output positions; null: one each),
     * what the workload reports of its network ({@link MappingReport}).
     */
    public InferenceTiming timing(MappingReport mapping) {
        OpTiming rules = new OpTiming(chip);
        List<InferenceTimeline.LayerShape> layerShapes = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            TileLayer layer = layers.get(l);
            long reuse = mapping == null || l >= mapping.matrices().size() ? 1
                    : Math.max(1, mapping.matrices().get(l).multipliesPerSample());
            layerShapes.add(new InferenceTimeline.LayerShape(layer.outputs(), rules.driveCycles(layer.dacSteps()),
                    (int) Math.min(Integer.MAX_VALUE, reuse), layer.reads()));
        }
        return InferenceTimeline.time(chip, shapes, layerShapes, calls);
    }

    public double energyPicojoules() {
        return layers.stream().mapToDouble(l -> l.energyPicojoules).sum();
    }

    /** Energy of all multiplies so far by part, pJ: the array's reads, conversions, row drive, digital. */
    public InferenceEnergy energyByPart() {
        return new InferenceEnergy(layers.stream().mapToDouble(l -> l.arrayPicojoules).sum(),
                layers.stream().mapToDouble(l -> l.adcPicojoules).sum(),
                layers.stream().mapToDouble(l -> l.dacPicojoules).sum(),
                layers.stream().mapToDouble(l -> l.digitalPicojoules).sum());
    }

    /** Multiply-accumulates of one sample through every layer: the operations TOPS counts (two each). */
    public long macsPerSample() {
        return layers.stream().mapToLong(l -> (long) l.inputs() * l.outputs()).sum();
    }

    @Override
    public void close() {
        if (ownVertx) {
            await(vertx.close());
            return;
        }
        for (String id : deployed) {
            await(vertx.undeploy(id));
        }
    }

}
