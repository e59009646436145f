package org.xbarsim.engine.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.random.RandomStreams;
import org.xbarsim.api.workload.WeightLayer;
import org.xbarsim.engine.fixtures.IdealDevices;
import org.xbarsim.engine.fixtures.StepPolicy;
import org.xbarsim.engine.hw.ChipConfig;
import org.xbarsim.engine.run.ProgrammingRun;
import org.xbarsim.engine.run.RunListener;
import org.xbarsim.engine.run.RunPlan;
import org.xbarsim.engine.run.RunResult;
import org.xbarsim.engine.run.TileJob;
import org.xbarsim.engine.run.WeightMapper;
import org.xbarsim.engine.run.WeightSlicing;
import org.xbarsim.engine.scenario.InferenceSpec;
import org.xbarsim.engine.timeline.InferenceTiming;

/**
 * Sliced weights and sliced inputs through programmed tiles: a 20x12 layer of weights 0..5 (clip 5) on 8x8
 * tiles of ideal devices (F = 3, G_T = 15 uS). With two slices of two bits, N = 3w exactly (digits of 0..15
 * in base 4), every target a multiple of 15 uS that the step policy reaches exactly: the sliced chip holds
 * the same weights in twice the columns. Costs and cycles against counts worked out by hand.
 */
class SlicedInferenceTest {
    private static final ChipConfig CHIP = AnalogNetworkTest.CHIP;
    private static final int IN = AnalogNetworkTest.IN;
    private static final int OUT = AnalogNetworkTest.OUT;

    private static double[] weights() {
        return AnalogNetworkTest.weights();
    }

    private record Chip(AnalogNetwork network, List<TileJob> jobs) {
    }

    private static Chip start(int threads, String... inference) {
        Parameters keys = Parameters.of(InferenceSpec.PARAMETERS, inference);
        IdealDevices device = new IdealDevices();
        StepPolicy policy = new StepPolicy();
        List<TileJob> jobs = WeightMapper.map(List.of(new WeightLayer("w", IN, OUT, weights())), 8, 8,
                CHIP.cell(), 15, WeightSlicing.of(keys));
        RunPlan plan = new RunPlan(CHIP, device, Parameters.of(device.parameters()), policy,
                Parameters.of(policy.parameters()), new RandomStreams(1), 0.9);
        RunResult programmed = ProgrammingRun.execute(plan, jobs, threads, RunListener.NONE);
        return new Chip(AnalogNetwork.start(CHIP, jobs, programmed.programmed(), keys, 15, new RandomStreams(1),
                threads), jobs);
    }

    private static float[] inputs(int batch) {
        float[] x = new float[batch * IN];
        for (int i = 0; i < x.length; i++) {
            x[i] = ((i * 7) % 11) / 10f;
        }
        return x;
    }

    private static float[] multiply(int threads, float[] x, int batch, String... inference) {
        float[] y = new float[batch * OUT];
        try (AnalogNetwork network = start(threads, inference).network()) {
            assertEquals(OUT, network.layer(0).outputs());
            network.layer(0).multiply(x, batch, y);
        }
        return y;
    }

    /**
     * Sliced weights and bit-serial inputs give the software product up to the quantisation: the 8-bit DAC
     * (1/510 of each input's full scale 1) and each read's ADC rounding (range 1.25 x the largest read, at most
     * about 100 weight units on 1024 codes: 0.12 each, times weights adding to one for the inputs and to one
     * for the slices, three tiles a column): 0.5 bounds them, 0.5% of the full scale of about 100.
     */
    @Test
    void slicedWeightsAndBitSerialInputsGiveTheProduct() {
        int batch = 4;
        float[] x = inputs(batch);
        double[] w = weights();
        for (String[] keys : List.of(new String[] {"dacBits", "8", "weightSlices", "2"},
                new String[] {"dacBits", "8", "dacEncoding", "bitSerial"},
                new String[] {"dacBits", "8", "dacEncoding", "slices", "inputSliceBits", "3", "weightSlices", "2"})) {
            float[] y = multiply(1, x, batch, keys);
            for (int b = 0; b < batch; b++) {
                for (int o = 0; o < OUT; o++) {
                    double exact = 0;
                    for (int i = 0; i < IN; i++) {
                        exact += x[b * IN + i] * w[i * OUT + o];
                    }
                    assertEquals(exact, y[b * OUT + o], 0.5, String.join(",", keys) + " sample " + b + " out " + o);
                }
            }
        }
    }

    @Test
    void theSameOnOneAndTwoThreads() {
        float[] x = inputs(3);
        String[] keys = {"dacBits", "6", "dacEncoding", "bitSerial", "weightSlices", "3", "weightSliceBits", "1"};
        assertArrayEquals(multiply(1, x, 3, keys), multiply(2, x, 3, keys));
    }

    /**
     * The flat model per sample and read: 4 devices x 0.1 pJ per cell read, 1 pJ per column converted, 0.1 pJ
     * per row driven. Unsliced, the six tiles hold 20 x 12 cells, 36 tile-columns (three row blocks of 8 + 4
     * columns) and 40 tile-rows (20 rows in each of two column blocks): 96 + 36 + 4 = 136 pJ.
     * Two weight slices: 20 x 24 cells in three column blocks of 8, 72 tile-columns, 60 tile-rows:
     * 192 + 72 + 6 = 270 pJ. Bit-serial 8-bit inputs read eight times: 2160 pJ.
     */
    @Test
    void energyOfKWeightSlicesAndBInputBitsByHand() {
        assertEquals(136.0, energyPerSample("dacBits", "8", "dacEncoding", "amplitude"), 1e-9);
        assertEquals(270.0, energyPerSample("dacBits", "8", "dacEncoding", "amplitude", "weightSlices", "2"), 1e-9);
        assertEquals(8 * 270.0, energyPerSample("dacBits", "8", "dacEncoding", "bitSerial", "weightSlices", "2"),
                1e-9);
        // Slices of three bits: ceil(8 / 3) = 3 reads.
        assertEquals(3 * 136.0, energyPerSample("dacBits", "8", "dacEncoding", "slices", "inputSliceBits", "3"), 1e-9);
    }

    private static double energyPerSample(String... inference) {
        Chip chip = start(1, inference);
        try (AnalogNetwork network = chip.network()) {
            network.layer(0).multiply(inputs(1), 1, new float[OUT]);
            return network.energyPicojoules();
        }
    }

    /**
     * A read is a DAC step (1 ns amplitude), 100 ns of integration and a 10-bit SAR conversion (10 cycles):
     * 111 cycles; 8 bit-serial reads take 888, slices of three bits 333; duration encoding drives for
     * 255 steps once: 365. Weight slices sit on tiles of their own that work in parallel: no cycles added.
     */
    @Test
    void cyclesOfBInputBitsByHand() {
        assertEquals(365, latency("dacBits", "8"));
        assertEquals(111, latency("dacBits", "8", "dacEncoding", "amplitude"));
        assertEquals(888, latency("dacBits", "8", "dacEncoding", "bitSerial"));
        assertEquals(888, latency("dacBits", "8", "dacEncoding", "bitSerial", "weightSlices", "4"));
        assertEquals(333, latency("dacBits", "8", "dacEncoding", "slices", "inputSliceBits", "3"));
    }

    private static long latency(String... inference) {
        Chip chip = start(1, inference);
        try (AnalogNetwork network = chip.network()) {
            network.layer(0).multiply(inputs(2), 2, new float[2 * OUT]);
            InferenceTiming timing = network.timing();
            assertEquals(2, timing.samples());
            assertTrue(timing.endCycle() >= 2 * timing.latencyCycles());
            return timing.latencyCycles();
        }
    }
}
