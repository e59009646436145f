package org.xbarsim.engine.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbarsim.engine.bus.Futures;
import org.xbarsim.engine.fixtures.DriftingDevices;
import org.xbarsim.engine.fixtures.ProductWorkload;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.random.RandomStream;
import org.xbarsim.api.random.RandomStreams;
import org.xbarsim.api.workload.WeightLayer;
import org.xbarsim.engine.fixtures.IdealDevices;
import org.xbarsim.engine.fixtures.StepPolicy;
import org.xbarsim.engine.hw.ChipConfig;
import org.xbarsim.engine.run.ProgrammingRun;
import org.xbarsim.engine.run.RunListener;
import org.xbarsim.engine.run.RunPlan;
import org.xbarsim.engine.run.TileJob;
import org.xbarsim.engine.run.WeightMapper;
import org.xbarsim.engine.scenario.InferenceSpec;
import org.xbarsim.engine.timeline.InferenceTiming;

/**
 * Programs a 20x12 layer over a 3x2 grid of 8x8 tiles with ideal devices (every weight lands exactly
 * on its target), then multiplies through the tiles: the analog product must be the software product
 * up to DAC and ADC quantisation, on any number of threads.
 */
class AnalogNetworkTest {
    static final ChipConfig CHIP = new ChipConfig(1e9, 8, 8, 3, 10, 1, 60, 200, 50, 100, 1, 1, 10, 50, 0.1,
            1, 0.1);
    static final int IN = 20;
    static final int OUT = 12;

    static double[] weights() {
        double[] w = new double[IN * OUT];
        for (int i = 0; i < w.length; i++) {
            w[i] = i % 6; // 0..5: targets 0, 9, ..., 45 uS, all reachable in 3 uS steps of W
        }
        return w;
    }

    /** Tiles programmed on {@code chip} with the step policy: the jobs, and the tiles as programming left them. */
    private record Programmed(List<TileJob> jobs, List<org.xbarsim.engine.hw.CrossbarTile> programmed) {
    }

    private static Programmed program(ChipConfig chip, org.xbarsim.api.device.DeviceModel device, int threads,
                                      WeightLayer... layers) {
        StepPolicy policy = new StepPolicy();
        List<TileJob> jobs = WeightMapper.map(List.of(layers), 8, 8, 3, 15);
        RunPlan plan = new RunPlan(chip, device, Parameters.of(device.parameters()), policy,
                Parameters.of(policy.parameters()), new RandomStreams(1), 0.9);
        return new Programmed(jobs, ProgrammingRun.execute(plan, jobs, threads, RunListener.NONE).programmed());
    }

    private static float[] multiply(int threads, float[] x, int batch) {
        Programmed programmed = program(CHIP, new IdealDevices(), threads, new WeightLayer("w", IN, OUT, weights()));
        List<TileJob> jobs = programmed.jobs();
        float[] y = new float[batch * OUT];
        try (AnalogNetwork chip = AnalogNetwork.start(CHIP, jobs, programmed.programmed(),
                Parameters.of(InferenceSpec.PARAMETERS, "dacBits", "10"), 15, new RandomStreams(1), threads)) {
            assertEquals(1, chip.layerCount());
            assertEquals(IN, chip.layer(0).inputs());
            assertEquals(OUT, chip.layer(0).outputs());
            chip.layer(0).multiply(x, batch, y);
            // 6 tiles in parallel per multiply, each 1023 DAC steps, 100 of integration and 10 conversion
            // cycles a sample; the batch streams through them, one sample after another.
            InferenceTiming timing = chip.timing();
            assertEquals(batch, timing.samples());
            assertEquals(1023L + 100 + 10, timing.latencyCycles());
            assertEquals(batch * (1023L + 100 + 10), timing.endCycle());
            assertTrue(chip.energyPicojoules() > 0);
        }
        return y;
    }

    @Test
    void analogProductIsTheSoftwareProductUpToQuantisation() {
        int batch = 5;
        float[] x = new float[batch * IN];
        RandomStream r = new RandomStream(9);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextDouble();
        }
        float[] y = multiply(2, x, batch);
        double[] w = weights();
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < OUT; o++) {
                double expected = 0;
                for (int i = 0; i < IN; i++) {
                    expected += x[b * IN + i] * w[i * OUT + o];
                }
                // Full scale is about 20 inputs x 5 x 1 = 100. Three tiles' ADCs each round by up to half an
                // LSB (range 1.25 x 360 uS over 1024 codes = 0.44 uS, 0.05 in weight units) and the 10-bit
                // DAC by 1/2046 of each input: 0.3 bounds both with room, and is 0.3% of full scale.
                assertEquals(expected, y[b * OUT + o], 0.3, "sample " + b + " output " + o);
            }
        }
    }

    /**
     * ADC banks shared by pairs of tiles (tiles 0 and 1 hold the same rows' two column blocks, and so on):
     * each pair's conversions go one after the other, so a sample takes one conversion, 10 cycles, more.
     */
    @Test
    void adcBanksSharedByPairsOfTilesAddAConversionToTheLatency() {
        ChipConfig banked = CHIP.withShared(new org.xbarsim.engine.hw.SharedHardware(0, 1, 0, 1,
                org.xbarsim.engine.hw.SharedHardware.Overflow.QUEUE, 2));
        Programmed programmed = program(banked, new IdealDevices(), 2, new WeightLayer("w", IN, OUT, weights()));
        List<TileJob> jobs = programmed.jobs();
        try (AnalogNetwork chip = AnalogNetwork.start(banked, jobs, programmed.programmed(),
                Parameters.of(InferenceSpec.PARAMETERS, "dacBits", "10"), 15, new RandomStreams(1), 2)) {
            chip.layer(0).multiply(new float[IN], 1, new float[OUT]);
            InferenceTiming timing = chip.timing();
            assertEquals(1023L + 100 + 2 * 10, timing.latencyCycles());
            assertEquals(3, timing.resources().size(), "three banks of two tiles");
        }
    }

    @Test
    void theSameOnOneAndTwoThreads() {
        float[] x = new float[3 * IN];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i % 7) / 7f;
        }
        assertArrayEquals(multiply(1, x, 3), multiply(2, x, 3));
    }

    /** What one day after programming does to every drifting device: (86400 s / 20 s)^-0.05. */
    private static final double D = Math.pow(86_400 / 20.0, -0.05);

    /** The 16x8 layer of weights {@code w} on two 8x8 tiles of drifting devices, programmed exactly. */
    private static Programmed programDrifting(double[] w) {
        return program(CHIP, new DriftingDevices(), 1, new WeightLayer("w", 16, 8, w));
    }

    /**
     * Sample b drives row b with 1: its outputs are row b of the weights, times D after a day of drift,
     * divided again by the compensation. Every device drifts alike, so the measured factor is exactly 1 / D.
     * Each of the two tiles' ADCs reads within half an LSB of 1.25 x its largest output (5 x the scale):
     * together one LSB, 2 x 1.25 x 5 x scale / 1024 (a zero reads as the middle of the code above it),
     * with 1% for the floats.
     */
    private static List<Double> readAfterADay(ReadMoment moment, String compensation, double expectedScale) {
        double[] w = ProductWorkload.weights("shift0");
        Programmed programmed = programDrifting(w);
        List<TileJob> jobs = programmed.jobs();
        float[] x = new float[16 * 16];
        for (int b = 0; b < 16; b++) {
            x[b * 16 + b] = 1;
        }
        float[] y = new float[16 * 8];
        Vertx vertx = Vertx.vertx();
        try (AnalogNetwork network = AnalogNetwork.start(vertx, CHIP, jobs, programmed.programmed(),
                Parameters.of(InferenceSpec.PARAMETERS, "time", "86400s", "driftCompensation", compensation), 15,
                new RandomStreams(1), 1, moment == null ? ReadMoment.after(86_400) : moment)) {
            network.layer(0).multiply(x, 16, y);
            for (int i = 0; i < y.length; i++) {
                assertEquals(expectedScale * w[i], y[i], 1.01 * 2 * 1.25 * 5 * expectedScale / 1024, "output " + i);
            }
            return network.compensation();
        } finally {
            Futures.await(vertx.close());
        }
    }

    @Test
    void driftCompensationRescalesEachLayerByTheDriftItMeasures() {
        // The block sums its weights as floats: 1 / D to a float's precision, 1e-7 of it.
        assertEquals(1 / D, readAfterADay(null, "on", 1).get(0), 1e-7 / D);
        assertEquals(List.of(1.0), readAfterADay(null, "off", D));
    }

    /** A working life's moment brings the factors of its last compensation read: they are used, not measured again. */
    @Test
    void aMomentsOwnCompensationIsUsedAsGiven() {
        ReadMoment moment = new ReadMoment(86_400, null, new double[] {2.0}, "");
        assertEquals(List.of(2.0), readAfterADay(moment, "on", 2 * D));
    }

    /** A layer of zeros has nothing to measure: its factor is 1, not 0 / 0. */
    @Test
    void aLayerOfZerosIsNotCompensated() {
        Programmed programmed = programDrifting(new double[128]);
        List<TileJob> jobs = programmed.jobs();
        try (AnalogNetwork network = AnalogNetwork.start(CHIP, jobs, programmed.programmed(),
                Parameters.of(InferenceSpec.PARAMETERS, "time", "86400s"), 15, new RandomStreams(1), 1)) {
            assertEquals(List.of(1.0), network.compensation());
            float[] y = new float[8];
            network.layer(0).multiply(new float[16], 1, y);
            assertArrayEquals(new float[8], y);
        }
    }

    /**
     * A convolution's layer multiplies 3 vectors a sample: a call of 3 rows is one sample whose tiles work
     * through its 3 multiplies one after another, 3 x (1023 + 100 + 10) cycles. A report that names no
     * matrix leaves each layer at one multiply a sample.
     */
    @Test
    void aMappingsReuseMakesOneSampleOfSeveralMultiplies() {
        Programmed programmed = program(CHIP, new IdealDevices(), 1, new WeightLayer("w", IN, OUT, weights()));
        List<TileJob> jobs = programmed.jobs();
        try (AnalogNetwork chip = AnalogNetwork.start(CHIP, jobs, programmed.programmed(),
                Parameters.of(InferenceSpec.PARAMETERS, "dacBits", "10"), 15, new RandomStreams(1), 1)) {
            chip.layer(0).multiply(new float[3 * IN], 3, new float[3 * OUT]);
            MappingReport conv = new MappingReport(8, 8, List.of(new MappingReport.MatrixMapping("w", IN, OUT,
                    List.of(0, 1, 2, 3, 4, 5), 0.6, 3)), List.of());
            InferenceTiming reused = chip.timing(conv);
            assertEquals(1, reused.samples());
            assertEquals(3 * (1023L + 100 + 10), reused.latencyCycles());
            InferenceTiming none = chip.timing(new MappingReport(8, 8, List.of(), List.of()));
            assertEquals(3, none.samples());
            assertEquals(1023L + 100 + 10, none.latencyCycles());
        }
    }

    /** A chip that cannot start leaves nothing deployed on the caller's Vert.x. */
    @Test
    void aFailedStartTakesItsTilesAway() {
        Programmed programmed = program(CHIP, new IdealDevices(), 1, new WeightLayer("a", 8, 8, new double[64]),
                new WeightLayer("b", 8, 8, new double[64]));
        List<TileJob> jobs = programmed.jobs();
        Vertx vertx = Vertx.vertx();
        try {
            List<org.xbarsim.engine.hw.CrossbarTile> firstLayerOnly = new ArrayList<>(programmed.programmed());
            firstLayerOnly.remove(1);
            assertThrows(IndexOutOfBoundsException.class, () -> AnalogNetwork.start(vertx, CHIP, jobs, firstLayerOnly,
                    Parameters.of(InferenceSpec.PARAMETERS), 15, new RandomStreams(1), 1));
            assertTrue(vertx.deploymentIDs().isEmpty(), "the first layer's tiles undeployed");
        } finally {
            Futures.await(vertx.close());
        }
    }

    /** What a workload is handed: the network's layers, and progress passed on to whoever watches. */
    @Test
    void aNetworkContextHandsOverTheLayersAndTheProgress() {
        Programmed programmed = program(CHIP, new IdealDevices(), 1, new WeightLayer("a", 8, 8, new double[64]),
                new WeightLayer("b", 8, 4, new double[32]));
        List<TileJob> jobs = programmed.jobs();
        List<long[]> heard = new ArrayList<>();
        try (AnalogNetwork network = AnalogNetwork.start(CHIP, jobs, programmed.programmed(),
                Parameters.of(InferenceSpec.PARAMETERS), 15, new RandomStreams(1), 1)) {
            NetworkContext context = new NetworkContext(null, network, 10, 100, (done, total) ->
                    heard.add(new long[] {done, total}));
            assertEquals(2, context.layerCount());
            assertSame(network.layer(1), context.layer(1));
            assertEquals(4, context.layer(1).outputs());
            context.progress(30, 100);
            assertEquals(1, heard.size());
            assertArrayEquals(new long[] {30, 100}, heard.get(0));
        }
    }
}
