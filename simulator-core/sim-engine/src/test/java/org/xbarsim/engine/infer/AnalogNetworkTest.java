package org.xbarsim.engine.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
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
import org.xbarsim.engine.run.RunResult;
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

    private static float[] multiply(int threads, float[] x, int batch) {
        IdealDevices device = new IdealDevices();
        StepPolicy policy = new StepPolicy();
        List<TileJob> jobs = WeightMapper.map(List.of(new WeightLayer("w", IN, OUT, weights())), 8, 8, 3, 15);
        RunPlan plan = new RunPlan(CHIP, device, Parameters.of(device.parameters()), policy,
                Parameters.of(policy.parameters()), new RandomStreams(1), 0.9);
        RunResult programmed = ProgrammingRun.execute(plan, jobs, threads, RunListener.NONE);
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
        IdealDevices device = new IdealDevices();
        StepPolicy policy = new StepPolicy();
        List<TileJob> jobs = WeightMapper.map(List.of(new WeightLayer("w", IN, OUT, weights())), 8, 8, 3, 15);
        RunPlan plan = new RunPlan(banked, device, Parameters.of(device.parameters()), policy,
                Parameters.of(policy.parameters()), new RandomStreams(1), 0.9);
        RunResult programmed = ProgrammingRun.execute(plan, jobs, 2, RunListener.NONE);
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
}
