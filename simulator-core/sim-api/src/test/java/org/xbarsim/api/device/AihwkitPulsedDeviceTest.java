package org.xbarsim.api.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.random.RandomStream;

/**
 * aihwkit's PulsedDevice population rules (src/rpucuda/rpu_pulsed_device.cpp, commit 4545f11), written
 * out again here with the same deviates: bounds w_max (1 + w_max_dtod z) and w_min (1 + w_min_dtod z)
 * (lines 618-619), swapped if crossed and made b_max &gt;= 0, b_min &lt;= 0 (lines 636-640); gain 1 +
 * dw_min_dtod z, r = up_down_dtod z, a_up = |up bias + gain + r| dw_min and a_down = |down bias + gain - r|
 * dw_min, with a positive up_down in the down bias and a negative one in the up bias (lines 603-604,
 * 627-634).
 */
class AihwkitPulsedDeviceTest {
    /** RRAM's values; a method, not a constant, so that each test builds the list anew. */
    private static List<ParameterSpec> specs() {
        return AihwkitPulsedDevice.parameters("0.3", "1.25", "0.24", "-0.75", "0.4");
    }

    /** A deviate as stored: rounded to 1/4096. */
    private static double q(double z) {
        return Math.round(z * 4096) / 4096.0;
    }

    @Test
    void eachDeviceHasAihwkitsBoundsAndStepScales() {
        for (String upDown : new String[] {"0.1", "-0.1", "0"}) {
            // Wide bound spreads (0.9) so that some bounds cross and the swap and signs are exercised.
            Parameters p = Parameters.of(specs(), "upDown", upDown, "wMaxDtod", "0.9", "wMinDtod", "0.9",
                    "dwMin", "0.003", "upDownDtod", "0.2");
            int n = 400;
            AihwkitPulsedDevice d = new AihwkitPulsedDevice(p, n);
            RandomStream rng = new RandomStream(7);
            for (int i = 0; i < n; i++) {
                d.draw(i, rng);
            }
            RandomStream same = new RandomStream(7);
            double ud = Double.parseDouble(upDown);
            int crossed = 0;
            for (int i = 0; i < n; i++) {
                double hi = 1.25 * (1 + 0.9 * q(same.nextGaussian()));
                double lo = -0.75 * (1 + 0.9 * q(same.nextGaussian()));
                if (lo > hi) {
                    double t = lo;
                    lo = hi;
                    hi = t;
                    crossed++;
                }
                assertEquals(Math.abs(hi), d.upper(i), 1e-15, "b_max " + i);
                assertEquals(-Math.abs(lo), d.lower(i), 1e-15, "b_min " + i);
                double gain = 1 + 0.3 * q(same.nextGaussian());
                double r = 0.2 * q(same.nextGaussian());
                assertEquals(Math.abs((ud < 0 ? ud : 0) + gain + r) * 0.003, d.scaleUp(i), 1e-15, "a_up " + i);
                assertEquals(Math.abs((ud > 0 ? -ud : 0) + gain - r) * 0.003, d.scaleDown(i), 1e-15, "a_down " + i);
            }
            assertEquals(true, crossed > 0, "some bounds crossed");
        }
    }

    @Test
    void meansStepAndBytes() {
        AihwkitPulsedDevice d = new AihwkitPulsedDevice(Parameters.of(specs()), 10);
        assertEquals(0.002, d.dwMin());
        assertEquals(1.25, d.meanUpper());
        assertEquals(-0.75, d.meanLower());
        assertEquals(80, d.bytes(), "four 16-bit deviates a device");
        assertEquals(List.of("dwMin", "dwMinDtod", "upDown", "upDownDtod", "wMax", "wMaxDtod", "wMin", "wMinDtod"),
                specs().stream().map(ParameterSpec::name).toList());
    }
}
