package org.xbarsim.engine.converter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.xbarsim.api.random.RandomStreams;

class AmplitudeDriveTest {
    private static final RandomStreams.Scope TILE = new RandomStreams(4).child("tile0");

    @Test
    void anIdealDacOnOhmicDevicesIsNotBuilt() {
        assertNull(AmplitudeDrive.build(0, new SinhIv(0), 7, 16, TILE));
    }

    /** sinh(kappa v) / sinh(kappa): at kappa 1, half the voltage gives sinh(0.5) / sinh(1) of the current. */
    @Test
    void sinhCurveByHand() {
        SinhIv iv = new SinhIv(1.0);
        assertEquals(0.521095 / 1.175201, iv.current(0.5), 1e-6);
        assertEquals(1.0, iv.current(1.0), 1e-12);
        assertEquals(-iv.current(0.3), iv.current(-0.3), 1e-15);
        assertEquals(0.37, new SinhIv(0).current(0.37), 0);
        assertThrows(IllegalArgumentException.class, () -> new SinhIv(-1));
    }

    /** The I-V curve compresses small inputs: a row driven at half scale contributes less than half. */
    @Test
    void nonlinearDevicesCompressSmallInputs() {
        AmplitudeDrive d = AmplitudeDrive.build(0, new SinhIv(2.0), 7, 4, TILE);
        double step = 1.0 / 127;
        double half = d.drive(2, 64 * step, step, 1.0);
        assertEquals(Math.sinh(2 * 64 / 127.0) / Math.sinh(2), half, 1e-12);
        assertEquals(1.0, d.drive(2, 1.0, step, 1.0), 1e-12);
        assertEquals(-half, d.drive(2, -64 * step, step, 1.0), 1e-12);
    }

    /**
     * DAC mismatch: each row's levels err by its own draws (same construction as a SAR's capacitors),
     * so two rows asked for the same input drive differently; ohmic devices pass the level through.
     */
    @Test
    void mismatchedDacsDriveRowsDifferently() {
        AmplitudeDrive d = AmplitudeDrive.build(0.05, new SinhIv(0), 7, 8, TILE);
        double step = 1.0 / 127;
        double a = d.drive(0, 64 * step, step, 1.0);
        double b = d.drive(1, 64 * step, step, 1.0);
        assertTrue(Math.abs(a - b) > 1e-4, a + " vs " + b);
        assertEquals(64 * step, a, 0.05);
        double expected = BinaryWeightedArray.draw(7, 0.05, TILE.stream("dac0")).level(64) * 128 * step;
        assertEquals(expected, a, 1e-15);
    }

    /** Full scale 2 (not 1): the curve takes the level as a fraction of full scale. */
    @Test
    void theCurveSeesTheLevelAsAFractionOfFullScale() {
        AmplitudeDrive d = AmplitudeDrive.build(0, new SinhIv(1.0), 7, 2, TILE);
        double step = 2.0 / 127;
        assertEquals(2 * Math.sinh(32 / 127.0) / Math.sinh(1), d.drive(1, 32 * step, step, 2.0), 1e-12);
    }
}
