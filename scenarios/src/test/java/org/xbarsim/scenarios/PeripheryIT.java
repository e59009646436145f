package org.xbarsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.xbarsim.engine.summary.RunSummary;

/**
 * The periphery's scenarios with the real plugin jars: the cited cost model's figures of a 256x256
 * multiply recomputed here from its cited numbers, the flat default unchanged, and per-column ADC
 * calibration recovering what offsets cost.
 */
class PeripheryIT {

    /**
     * HERMES-like core: 256 CCO conversions of 8 bits at the survey's median Walden FOM of VCO-based
     * converters, 30.5 fJ per step x 2^8; 256 rows driven (ISAAC's 0.41667 pJ per 128 devices, 1024
     * devices a row) and stepped 255 times at 0.03 pJ; 256 partial sums accumulated (0.1 pJ), 256 outputs
     * scaled (1.1 pJ) and activated (0.03 pJ). Energy by part adds up to the total; TOPS/W is 131,072
     * operations over it; the multiply takes 255 DAC steps, 100 ns of integration and 77 ns of conversion.
     */
    @Test
    void hermesMultiplyIsPricedByItsCitedNumbers() {
        RunSummary s = Runs.run("periphery/hermes-mvm.yaml", 2, "workload.vectors=200");
        double adc = 256 * 0.0305 * 256 * 1e-12;
        double dac = 256 * (0.41667 * 1024 / 128 + 255 * 0.03) * 1e-12;
        double digital = 256 * (0.1 + 1.1 + 0.03) * 1e-12;
        assertEquals(adc, s.metric("inference.energy.adc"), 1e-9 * adc);
        assertEquals(dac, s.metric("inference.energy.dac"), 1e-9 * dac);
        assertEquals(digital, s.metric("inference.energy.digital"), 1e-9 * digital);
        double total = s.metric("inference.energyJoulesPerSample");
        double parts = adc + dac + digital + s.metric("inference.energy.array");
        assertEquals(total, parts, 1e-9 * total);
        assertEquals(131072 / total * 1e-12, s.metric("inference.topsPerWatt"), 1e-9);
        assertEquals((255 + 100 + 77) * 1e-9, s.metric("inference.timeSecondsPerSample"), 1e-15);
        double area = s.metric("chip.areaMm2");
        assertEquals(area, s.metric("chip.area.array") + s.metric("chip.area.adcs")
                + s.metric("chip.area.rows") + s.metric("chip.area.digital"), 1e-12);
        assertEquals(0.262144, s.metric("chip.area.array"), 1e-12); // 262,144 devices of 1 um^2
        assertEquals(131072 / 432e-9 * 1e-12 / area, s.metric("inference.topsPerMm2"), 1e-9);
    }

    /** With the flat default an MNIST image still costs the 92.65 nJ the README has always reported. */
    @Test
    void theFlatDefaultChargesWhatItAlwaysDid() {
        RunSummary s = Runs.run("mnist-mlp.yaml", 2, "inference.samples=250");
        assertEquals(9.26509e-8, s.metric("inference.energyJoulesPerSample"), 1e-13);
        assertEquals("flat (built-in)", s.plugins().get("cost"));
        assertNull(s.chip().areaMm2(), "the flat model prices no area");
    }

    /**
     * Column ADC offsets of 16 LSB (at 10 bits) cost the MLP about 10 points (measured 87.7% against
     * 98.3% on the 10,000 images, 1,000 here) and most weights their targets; per-column calibration at
     * programming time brings both back to within half a point and half a point of Pfail of the ideal
     * converters (the offset sweep in README: 98.30% and 1.22%).
     */
    @Test
    void calibrationRecoversWhatAdcOffsetsCost() {
        String n = "inference.samples=1000";
        RunSummary ideal = Runs.run("mnist-mlp.yaml", 2, n);
        RunSummary raw = Runs.run("mnist-mlp.yaml", 2, n, "chip.adc.offsetSigma=16");
        RunSummary calibrated = Runs.run("mnist-mlp.yaml", 2, n, "chip.adc.offsetSigma=16",
                "chip.adc.calibration=affine");
        double a = ideal.metric("inference.analogAccuracy");
        assertTrue(raw.metric("inference.analogAccuracy") < a - 0.05);
        assertTrue(raw.metric("programming.pfail") > 0.3);
        assertEquals(a, calibrated.metric("inference.analogAccuracy"), 0.005);
        assertEquals(ideal.metric("programming.pfail"), calibrated.metric("programming.pfail"), 0.005);
        assertTrue(calibrated.metric("programming.energy.calibration") > 0, "calibration is not free");
    }

    /**
     * Every periphery effect on at once (ADC offsets, gains, noise and calibration; wires with verify
     * reads through them; the cited cost model): the same summary on one thread and on two.
     */
    @Test
    void thePeripheryAsBuiltIsTheSameOnOneAndTwoThreads() {
        String[] set = {"inference.samples=300", "chip.adc.offsetSigma=4", "chip.adc.gainSigma=0.02",
            "chip.adc.noise=0.5", "chip.adc.calibration=affine", "chip.wire.row=1ohm", "chip.wire.col=1ohm",
            "cost.impl=cited"};
        RunSummary one = Runs.run("mnist-mlp.yaml", 1, set).withoutWallClock();
        RunSummary two = Runs.run("mnist-mlp.yaml", 2, set).withoutWallClock();
        assertEquals(one.toJson(), two.toJson());
    }
}
