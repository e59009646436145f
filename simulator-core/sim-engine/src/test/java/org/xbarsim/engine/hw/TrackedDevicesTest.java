package org.xbarsim.engine.hw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.xbarsim.engine.fixtures.DriftingDevices;

/** A tile's devices through two programming runs, the second on devices that drifted. */
class TrackedDevicesTest {
    private static TrackedDevices devices() {
        TrackedDevices d = new TrackedDevices(new DriftingDevices.Array(4, 1.0, 0.05));
        d.beginRun(0, null, null);
        d.set(0, new int[] {0, 1, 2, 3}, 4, 8, null);
        d.endRun();
        return d;
    }

    @Test
    void aFirstRunCountsPulsesOnTheDevicesAsTheyAre() {
        TrackedDevices d = devices();
        d.set(0, new int[] {2}, 1, 1, null);
        assertArrayEquals(new double[] {8, 8, 9, 8}, d.conductances());
        assertSame(d.devices().conductances(), d.conductances());
        assertEquals(2, d.pulses(2));
        assertEquals(1, d.pulses(0));
        assertEquals(0, d.epoch(2));
    }

    /**
     * Run 1 on devices drifted to 6, 5, 4 and 3 uS: reads see that; the first pulse of device 1 starts
     * from its 5 uS (5 + 2), a second pulse from there; device 3's RESET from its drifted state; devices 0
     * and 2, never pulsed, keep their state of run 0 (8 uS, to drift on from there) once the run ends.
     */
    @Test
    void aLaterRunFindsTheDevicesDriftedAndSettlesOnlyThoseItPulses() {
        TrackedDevices d = devices();
        d.beginRun(1, new double[] {6, 5, 4, 3}, new double[] {0.6, 0.5, 0.4, 0.3});
        assertArrayEquals(new double[] {6, 5, 4, 3}, d.conductances());
        d.set(0, new int[] {1}, 1, 2, null);
        d.set(0, new int[] {1}, 1, 1, null);
        d.reset(0, new int[] {3}, 1, null);
        assertArrayEquals(new double[] {6, 8, 4, 0}, d.conductances());
        double[] noise = new double[4];
        d.readNoiseVariance(0, new int[] {0, 1, 2, 3}, 4, noise);
        // The drifting device reads without noise; those not pulsed yet have the variance of their drifted state.
        assertArrayEquals(new double[] {0.6, 0, 0.4, 0}, noise);
        d.endRun();
        assertArrayEquals(new double[] {8, 8, 8, 0}, d.conductances());
        assertArrayEquals(new int[] {0, 1, 0, 1}, new int[] {d.epoch(0), d.epoch(1), d.epoch(2), d.epoch(3)});
        assertArrayEquals(new int[] {1, 3, 1, 2}, new int[] {d.pulses(0), d.pulses(1), d.pulses(2), d.pulses(3)});
    }

    @Test
    void runsGoForwardAndComeWithTheirDriftedStateOrWithout() {
        TrackedDevices d = devices();
        d.beginRun(2, new double[4], new double[4]);
        assertThrows(IllegalArgumentException.class, () -> d.beginRun(1, null, null));
        assertThrows(IllegalArgumentException.class, () -> d.beginRun(3, new double[4], null));
    }

    /** Drift, read noise and settling reach the devices themselves. */
    @Test
    void theModelsOwnLawsPassThrough() {
        TrackedDevices d = devices();
        double[] out = new double[4];
        d.drifted(20 * Math.pow(2, 20), out);
        assertEquals(8 * Math.pow(2, -1), out[0], 1e-12, "(t/t0)^-0.05 with t/t0 = 2^20");
        d.drifted(new double[] {10, 10, 20 * Math.pow(2, 20), 10}, out);
        assertArrayEquals(new double[] {8, 8, 4, 8}, out, 1e-12);
        d.settle(0, new int[] {0}, 1, new double[] {7});
        assertEquals(7, d.conductances()[0]);
        assertEquals(4, d.size());
        d.readNoiseVariances(new double[4], out);
        assertArrayEquals(new double[4], out);
        d.readNoiseVariances(5.0, new double[4], out);
        d.readNoiseVariances(new double[4], new double[4], out);
        assertArrayEquals(new double[4], out);
    }
}
