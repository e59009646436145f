package org.xbarsim.engine.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbarsim.api.cost.Costs;
import org.xbarsim.api.cost.TileArea;
import org.xbarsim.api.device.DeviceLine;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.random.RandomStreams;
import org.xbarsim.api.workload.WeightLayer;
import org.xbarsim.engine.converter.AdcErrors;
import org.xbarsim.engine.fixtures.IdealDevices;
import org.xbarsim.engine.fixtures.StepPolicy;
import org.xbarsim.engine.hw.ChipConfig;
import org.xbarsim.engine.hw.CrossbarTile;
import org.xbarsim.engine.hw.PeripheryConfig;
import org.xbarsim.engine.run.ProgrammingRun;
import org.xbarsim.engine.run.RunListener;
import org.xbarsim.engine.run.RunPlan;
import org.xbarsim.engine.run.RunResult;
import org.xbarsim.engine.run.TileJob;
import org.xbarsim.engine.run.WeightMapper;
import org.xbarsim.engine.scenario.InferenceSpec;
import org.xbarsim.engine.wire.Wires;

/**
 * Inference energy by part under a cost model, computed again here from the counts and the programmed
 * conductances; and the ADCs as built serving inference. A 20x12 layer over 8x8 tiles of ideal devices
 * (six tiles: three row blocks of 8, 8 and 4 rows, two column blocks of 8 and 4 columns).
 */
class InferenceCostTest {
    private static final int IN = 20;
    private static final int OUT = 12;
    private static final Costs COSTS = new Costs("test", 20, 12, 0.01, 0.2, 2, 0.5, 0.03, 0.1, 1.1, 0.05,
            TileArea.UNKNOWN);
    private static final ChipConfig BASE = new ChipConfig(1e9, 8, 8, 3, 10, 1, 60, 200, 50, 100, 1, 1, 10, 50,
            0.1, 1, 0.1);

    private static double[] weights() {
        double[] w = new double[IN * OUT];
        for (int i = 0; i < w.length; i++) {
            w[i] = i % 6;
        }
        return w;
    }

    private record Run(AnalogNetwork network, RunResult programmed, List<TileJob> jobs) {
    }

    private static Run start(ChipConfig chip, String... inference) {
        IdealDevices device = new IdealDevices();
        StepPolicy policy = new StepPolicy();
        List<TileJob> jobs = WeightMapper.map(List.of(new WeightLayer("w", IN, OUT, weights())), 8, 8, 3, 15);
        RunPlan plan = new RunPlan(chip, device, Parameters.of(device.parameters()), policy,
                Parameters.of(policy.parameters()), new RandomStreams(1), 0.9);
        RunResult programmed = ProgrammingRun.execute(plan, jobs, 1, RunListener.NONE);
        return new Run(AnalogNetwork.start(chip, jobs, programmed.programmed(),
                Parameters.of(InferenceSpec.PARAMETERS, inference), 15, new RandomStreams(1), 1), programmed, jobs);
    }

    /** Sum of the conductances on a row of a tile, every device of the row: what driving it costs. */
    private static double rowSum(CrossbarTile tile, int row) {
        double[] g = tile.devices().conductances();
        double sum = 0;
        for (int line = 0; line < DeviceLine.COUNT; line++) {
            for (int c = 0; c < tile.cols(); c++) {
                sum += g[tile.base(line, row) + c];
            }
        }
        return sum;
    }

    /**
     * Every input is 0 or 1 (on the DAC's levels, full scale 1): a row driven with 1 is on for all
     * 2^8 - 1 DAC steps of 1 ns at 0.2 V, V^2 G t = 0.04 x 255 ns x its conductances; a row at 0 costs no
     * array energy but is still driven and stepped.
     */
    @Test
    void energyByPartIsTheCountsTimesTheCosts() {
        Run run = start(BASE.withCosts(COSTS), "dacBits", "8");
        int batch = 2;
        float[] x = new float[batch * IN];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i % 3 == 0) ? 1f : 0f;
        }
        try (AnalogNetwork network = run.network()) {
            network.layer(0).multiply(x, batch, new float[batch * OUT]);
            double array = 0;
            double adc = 0;
            double dac = 0;
            double digital = 0;
            for (int t = 0; t < run.jobs().size(); t++) {
                TileJob job = run.jobs().get(t);
                CrossbarTile tile = run.programmed().programmed().get(t);
                for (int b = 0; b < batch; b++) {
                    for (int r = 0; r < job.rows(); r++) {
                        double v = x[b * IN + job.rowOffset() + r];
                        array += 0.04 * rowSum(tile, r) * 1e-6 * v * 255e-9 * 1e12 + 4 * job.cols() * 0.01;
                        dac += 0.5 + 255 * 0.03;
                    }
                    adc += job.cols() * 2;
                    digital += job.cols() * 0.1;
                }
            }
            digital += batch * OUT * (1.1 + 0.05);
            InferenceEnergy e = network.energyByPart();
            assertEquals(array, e.array(), 1e-9 * array);
            assertEquals(adc, e.adc(), 1e-9);
            assertEquals(dac, e.dac(), 1e-9);
            assertEquals(digital, e.digital(), 1e-9);
            assertEquals(array + adc + dac + digital, network.energyPicojoules(), 1e-9 * array);
            assertEquals(IN * OUT, network.macsPerSample());
        }
    }

    /**
     * The array's V^2 G t for one multiply, pJ: each row's conductances times 0.2 V squared times what its
     * input is worth in seconds at full voltage, {@code share} of its DAC level |q| / range; and the fixed
     * part of every device read.
     */
    private static double arrayEnergy(Run run, float[] x, int batch, double range,
                                      java.util.function.DoubleUnaryOperator share) {
        double array = 0;
        for (int t = 0; t < run.jobs().size(); t++) {
            TileJob job = run.jobs().get(t);
            CrossbarTile tile = run.programmed().programmed().get(t);
            for (int b = 0; b < batch; b++) {
                for (int r = 0; r < job.rows(); r++) {
                    // On the 8-bit DAC's 255 levels of the range (1 of range 2 is level 128, not 127.5).
                    double v = Math.rint(Math.abs(x[b * IN + job.rowOffset() + r]) / range * 255) / 255;
                    array += 0.04 * rowSum(tile, r) * 1e-6 * share.applyAsDouble(v) * 1e12
                            + 4 * job.cols() * 0.01;
                }
            }
        }
        return array;
    }

    /**
     * Inputs 0, 1 and 2 on a DAC of range 2 whose steps take 2 clock cycles: a row at 2 is on for all
     * 255 steps, 510 ns; a row at 1 for 128 of them.
     */
    @Test
    void aDurationRowIsDrivenForItsShareOfTheStepsAtTheStepTime() {
        ChipConfig slow = new ChipConfig(1e9, 8, 8, 3, 10, 1, 60, 200, 50, 100, 1, 2, 10, 50, 0.1, 1, 0.1)
                .withCosts(COSTS);
        Run run = start(slow, "dacBits", "8");
        float[] x = new float[2 * IN];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 3;
        }
        try (AnalogNetwork network = run.network()) {
            network.layer(0).multiply(x, 2, new float[2 * OUT]);
            double expected = arrayEnergy(run, x, 2, 2, v -> v * 510e-9);
            assertEquals(expected, network.energyByPart().array(), 1e-9 * expected);
        }
    }

    /**
     * Amplitude encoding: a row at input x of range 2 sees (x / 2)^2 of the voltage squared for the
     * integration time, 100 ns; the DAC is stepped once a row.
     */
    @Test
    void anAmplitudeRowIsDrivenAtItsShareOfTheVoltageForTheIntegration() {
        Run run = start(BASE.withCosts(COSTS), "dacBits", "8", "dacEncoding", "amplitude");
        float[] x = new float[2 * IN];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 3;
        }
        try (AnalogNetwork network = run.network()) {
            network.layer(0).multiply(x, 2, new float[2 * OUT]);
            double expected = arrayEnergy(run, x, 2, 2, v -> v * v * 100e-9);
            assertEquals(expected, network.energyByPart().array(), 1e-9 * expected);
            double dac = 0;
            for (TileJob job : run.jobs()) {
                dac += 2 * job.rows() * (0.5 + 0.03);
            }
            assertEquals(dac, network.energyByPart().dac(), 1e-9);
        }
    }

    /** A calibration read is not a multiply: calibrated on ones, then multiplying 0/1 inputs costs only the multiply. */
    @Test
    void theCalibrationReadIsNotCharged() {
        Run run = start(BASE.withCosts(COSTS), "dacBits", "8");
        float[] ones = new float[IN];
        java.util.Arrays.fill(ones, 1f);
        float[] x = new float[2 * IN];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i % 3 == 0) ? 1f : 0f;
        }
        try (AnalogNetwork network = run.network()) {
            network.layer(0).calibrate(ones, 1);
            network.layer(0).multiply(x, 2, new float[2 * OUT]);
            double expected = arrayEnergy(run, x, 2, 1, v -> v * 255e-9);
            assertEquals(expected, network.energyByPart().array(), 1e-9 * expected);
        }
    }

    /** The flat model charges what it always did: every device read, every column converted, every row driven. */
    @Test
    void theFlatModelChargesAsBefore() {
        Run run = start(BASE, "dacBits", "8");
        float[] x = new float[IN];
        java.util.Arrays.fill(x, 0.5f);
        try (AnalogNetwork network = run.network()) {
            network.layer(0).multiply(x, 1, new float[OUT]);
            double expected = 0;
            for (TileJob job : run.jobs()) {
                expected += 4.0 * job.rows() * job.cols() * 0.1 + job.cols() * 1.0 + job.rows() * 0.1;
            }
            assertEquals(expected, network.energyPicojoules(), 1e-9);
            assertEquals(0, network.energyByPart().digital());
        }
    }

    private static double meanError(ChipConfig chip) {
        Run run = start(chip, "dacBits", "10");
        int batch = 20;
        float[] x = new float[batch * IN];
        for (int i = 0; i < x.length; i++) {
            x[i] = ((i * 7) % 11) / 10f;
        }
        float[] y = new float[batch * OUT];
        try (AnalogNetwork network = run.network()) {
            network.layer(0).calibrate(x, batch);
            network.layer(0).multiply(x, batch, y);
        }
        double[] w = weights();
        double error = 0;
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < OUT; o++) {
                double exact = 0;
                for (int i = 0; i < IN; i++) {
                    exact += x[b * IN + i] * w[i * OUT + o];
                }
                error += Math.abs(y[b * OUT + o] - exact);
            }
        }
        return error / (batch * OUT);
    }

    /**
     * The ADCs that served programming's verify reads serve inference with the same errors: offsets of 20
     * LSB make outputs miss by far more than the ideal converters' rounding, and the calibration measured
     * at programming time takes most of that back.
     */
    @Test
    void adcErrorsReachInferenceAndCalibrationCorrectsThem() {
        double ideal = meanError(BASE);
        double offsets = meanError(BASE.withPeriphery(new PeripheryConfig("sar", 10,
                new AdcErrors(20, 0.05, 0, 0, 0, false), Wires.NONE)));
        double calibrated = meanError(BASE.withPeriphery(new PeripheryConfig("sar", 10,
                new AdcErrors(20, 0.05, 0, 0, 0, true), Wires.NONE)));
        assertTrue(offsets > 5 * ideal, "offsets " + offsets + " ideal " + ideal);
        assertTrue(calibrated < 0.3 * offsets, "calibrated " + calibrated + " offsets " + offsets);
    }

    /** Wires with resistance lower what a multiply delivers: IR drop reaches inference. */
    @Test
    void wiresReachInference() {
        double ideal = meanError(BASE);
        double wired = meanError(BASE.withPeriphery(new PeripheryConfig("sar", 10, AdcErrors.NONE,
                new Wires(200, 200, false))));
        assertTrue(wired > 3 * ideal, "wired " + wired + " ideal " + ideal);
    }
}
