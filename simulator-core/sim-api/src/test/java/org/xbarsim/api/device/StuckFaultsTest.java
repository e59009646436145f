package org.xbarsim.api.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.random.RandomStream;

/** The shared stuck-at mechanism: what is drawn, what is pinned, and that zero faults cost nothing. */
class StuckFaultsTest {
    private static final int N = 100_000;

    private static Parameters fractions(String min, String max) {
        return Parameters.of(StuckFaults.PARAMETERS, StuckFaults.MIN_FRACTION, min, StuckFaults.MAX_FRACTION, max);
    }

    @Test
    void noFaultsDrawNothingAndLeaveTheConductancesAlone() {
        double[] g = new double[N];
        Arrays.fill(g, 3.0);
        RandomStream rng = new RandomStream(7);
        assertNull(StuckFaults.draw(fractions("0", "0"), g, i -> 0, i -> 25, rng));
        // The stream is where a fresh one with the same seed is: the population after it is unchanged.
        assertEquals(new RandomStream(7).nextLong(), rng.nextLong());
        assertTrue(Arrays.stream(g).allMatch(v -> v == 3.0));
    }

    @Test
    void fractionsOfDevicesAreStuckLowAndHighAtTheirOwnBounds() {
        double[] g = new double[N];
        StuckFaults f = StuckFaults.draw(fractions("0.03", "0.07"), g, i -> -1 - i, i -> 1000 + i, new RandomStream(1));
        int low = 0;
        int high = 0;
        for (int i = 0; i < N; i++) {
            if (f.isStuck(i)) {
                assertTrue(g[i] == -1 - i || g[i] == 1000 + i, "device " + i + " pinned at " + g[i]);
                low += g[i] == -1 - i ? 1 : 0;
                high += g[i] == 1000 + i ? 1 : 0;
            } else {
                assertEquals(0, g[i]);
            }
        }
        // Binomial standard errors at N = 100,000: 0.054 and 0.081 points; tolerances are about 5 of them.
        assertEquals(0.03, low / (double) N, 0.003);
        assertEquals(0.07, high / (double) N, 0.004);
        assertEquals(low + high, f.stuckCount());
    }

    @Test
    void pinRestoresOnlyStuckAddressedDevices() {
        double[] g = new double[10];
        StuckFaults f = StuckFaults.draw(fractions("0.5", "0.5"), g, i -> 1, i -> 2, new RandomStream(3));
        double[] before = g.clone();
        Arrays.fill(g, 9);
        f.pin(g, 4, new int[] {0, 2}, 2);
        assertEquals(before[4], g[4]);
        assertEquals(before[6], g[6]);
        assertEquals(9, g[5]); // not addressed
        f.pinAll(g);
        assertTrue(Arrays.equals(before, g), "every device is stuck when the fractions add up to 1");
    }

    @Test
    void fractionsAddingUpToMoreThanOneAreAnInputError() {
        InputError e = assertThrows(InputError.class,
                () -> StuckFaults.draw(fractions("0.6", "0.5"), new double[4], i -> 0, i -> 1, new RandomStream(1)));
        assertTrue(e.getMessage().contains("device.stuckAtMaxFraction"), e.getMessage());
        assertTrue(e.getMessage().contains("<= 1"), e.getMessage());
    }
}
