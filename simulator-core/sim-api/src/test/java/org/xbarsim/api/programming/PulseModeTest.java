package org.xbarsim.api.programming;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.xbarsim.api.event.OpKind;
import org.xbarsim.api.event.RowOp;
import org.xbarsim.api.param.Parameters;

/** A SET's strength realised by amplitude (nominal width) or by width (nominal amplitude), as the RowOp says. */
class PulseModeTest {
    @Test
    void theRowOpCarriesTheWidthTheModeGives() {
        BitMask enable = new BitMask(8).set(1);
        RowOp byAmplitude = RowOps.set(0, 2, 2.5, PulseMode.AMPLITUDE, enable, (BitMask) null);
        RowOp byWidth = RowOps.set(0, 2, 2.5, PulseMode.WIDTH, enable, new BitMask(2).set(0).snapshot());
        assertEquals(OpKind.SET, byWidth.getKind());
        assertEquals(2.5, byAmplitude.getStrength());
        assertEquals(1.0, byAmplitude.getWidth());
        assertEquals(2.5, byWidth.getStrength());
        assertEquals(2.5, byWidth.getWidth());
        assertEquals(1, byWidth.getRead().limit());
        assertEquals(1.0, RowOps.set(0, 2, 0.5, enable, (BitMask) null).getWidth(), "the plain SET is nominal-width");
        assertEquals(1.0, RowOps.reset(0, 2, enable).getWidth());
    }

    @Test
    void aPolicysModeIsItsPulseModeParameter() {
        assertEquals(PulseMode.AMPLITUDE, PulseMode.of(Parameters.of(java.util.List.of(PulseMode.SPEC))));
        assertEquals(PulseMode.WIDTH, PulseMode.of(Parameters.of(java.util.List.of(PulseMode.SPEC), "pulseMode", "width")));
        assertEquals(0.3, PulseMode.WIDTH.width(0.3));
        assertEquals(1.0, PulseMode.AMPLITUDE.width(0.3));
    }
}
