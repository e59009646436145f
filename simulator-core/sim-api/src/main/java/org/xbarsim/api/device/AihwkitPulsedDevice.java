package org.xbarsim.api.device;

import static org.xbarsim.api.param.Quantity.NUMBER;

import java.util.List;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.random.RandomStream;

/**
 * The device-to-device parameters every aihwkit pulsed device shares (aihwkit's PulsedDevice,
 * src/rpucuda/rpu_pulsed_device.cpp at commit 4545f11, lines 603-640), for a population of devices:
 * per device the bounds b_max and b_min and the up and down step scales a_up and a_down, kept as four
 * 16-bit standard-normal deviates ({@link Deviate16}, 8 bytes a device) and derived when used. The
 * soft-bounds (RRAM) and linear-step (ECRAM) plugins build their step laws on it.
 *
 * <ul>
 *   <li>Bounds w_max (1 + w_max_dtod z) and w_min (1 + w_min_dtod z): each spread is relative to its own
 *       bound; then swapped if crossed, b_max made &gt;= 0 and b_min &lt;= 0 (lines 636-640).</li>
 *   <li>Step gain 1 + dw_min_dtod z, Gaussian (dw_min_dtod_log_normal false); up-down bias r =
 *       up_down_dtod z; a_up = |up bias + gain + r| dw_min, a_down = |down bias + gain - r| dw_min, a
 *       positive up_down weakening down steps and a negative one up steps (lines 603-604, 627-634).</li>
 * </ul>
 */
public final class AihwkitPulsedDevice {
    private final short[] zMax;
    private final short[] zMin;
    private final short[] zGain;
    private final short[] zUpDown;

    private final double dwMin;
    private final double dwMinDtod;
    private final double upBias;
    private final double downBias;
    private final double upDownDtod;
    private final double wMax;
    private final double wMaxDtod;
    private final double wMin;
    private final double wMinDtod;

    /** Room for count devices, with the parameters {@link #parameters} declares; draw each with {@link #draw}. */
    public AihwkitPulsedDevice(Parameters p, int count) {
        this.dwMin = p.number("dwMin");
        this.dwMinDtod = p.number("dwMinDtod");
        double upDown = p.number("upDown");
        this.upBias = upDown > 0 ? 0 : upDown;
        this.downBias = upDown > 0 ? -upDown : 0;
        this.upDownDtod = p.number("upDownDtod");
        this.wMax = p.number("wMax");
        this.wMaxDtod = p.number("wMaxDtod");
        this.wMin = p.number("wMin");
        this.wMinDtod = p.number("wMinDtod");
        this.zMax = new short[count];
        this.zMin = new short[count];
        this.zGain = new short[count];
        this.zUpDown = new short[count];
    }

    /**
     * The parameter specifications of dw_min, dw_min_dtod, up_down, up_down_dtod, w_max, w_max_dtod, w_min
     * and w_min_dtod, with a preset's defaults (dw_min 0.002, up_down 0 and up_down_dtod 0.01 for both).
     */
    public static List<ParameterSpec> parameters(String dwMinDtod, String wMax, String wMaxDtod, String wMin,
            String wMinDtod) {
        return List.of(
                ParameterSpec.of("dwMin", NUMBER, "0.002", 1e-6, 1, "aihwkit dw_min: mean minimal step, in weight units."),
                ParameterSpec.of("dwMinDtod", NUMBER, dwMinDtod, 0, 2,
                        "aihwkit dw_min_dtod: device-to-device spread of the step, relative, Gaussian."),
                ParameterSpec.of("upDown", NUMBER, "0", -1, 1, "aihwkit up_down: systematic up-versus-down step bias."),
                ParameterSpec.of("upDownDtod", NUMBER, "0.01", 0, 1,
                        "aihwkit up_down_dtod: device-to-device spread of the up-down bias, relative to dw_min."),
                ParameterSpec.of("wMax", NUMBER, wMax, 1e-3, 100, "aihwkit w_max: mean upper bound, weight units."),
                ParameterSpec.of("wMaxDtod", NUMBER, wMaxDtod, 0, 2,
                        "aihwkit w_max_dtod: device-to-device spread of the upper bound, relative to w_max."),
                ParameterSpec.of("wMin", NUMBER, wMin, -100, -1e-3, "aihwkit w_min: mean lower bound, weight units."),
                ParameterSpec.of("wMinDtod", NUMBER, wMinDtod, 0, 2,
                        "aihwkit w_min_dtod: device-to-device spread of the lower bound, relative to w_min."));
    }

    /** Draws device i: the deviates of w_max, w_min, the gain and the up-down bias, in aihwkit's order. */
    public void draw(int i, RandomStream rng) {
        zMax[i] = Deviate16.encode(rng.nextGaussian());
        zMin[i] = Deviate16.encode(rng.nextGaussian());
        zGain[i] = Deviate16.encode(rng.nextGaussian());
        zUpDown[i] = Deviate16.encode(rng.nextGaussian());
    }

    /** The mean minimal step dw_min, in weight units. */
    public double dwMin() {
        return dwMin;
    }

    /** The mean bounds w_max and w_min (aihwkit's mean_bound_reference). */
    public double meanUpper() {
        return wMax;
    }

    /** The mean lower bound w_min. */
    public double meanLower() {
        return wMin;
    }

    /** The upper bound as drawn, before aihwkit's consistency rule (w_max (1 + w_max_dtod z)). */
    private double rawUpper(int i) {
        return wMax * (1 + wMaxDtod * Deviate16.decode(zMax[i]));
    }

    /** The lower bound as drawn (w_min (1 + w_min_dtod z)). */
    private double rawLower(int i) {
        return wMin * (1 + wMinDtod * Deviate16.decode(zMin[i]));
    }

    /** b_max: the raw bounds swapped if crossed, then made &gt;= 0 (rpu_pulsed_device.cpp lines 636-640). */
    public double upper(int i) {
        return Math.abs(Math.max(rawUpper(i), rawLower(i)));
    }

    /** b_min: likewise made &lt;= 0. */
    public double lower(int i) {
        return -Math.abs(Math.min(rawUpper(i), rawLower(i)));
    }

    /** Device i's step gain 1 + dwMinDtod z. */
    private double gain(int i) {
        return 1 + dwMinDtod * Deviate16.decode(zGain[i]);
    }

    /** a_up = |up bias + gain + r| dwMin (rpu_pulsed_device.cpp lines 627-634). */
    public double scaleUp(int i) {
        return Math.abs(upBias + gain(i) + upDownDtod * Deviate16.decode(zUpDown[i])) * dwMin;
    }

    /** a_down = |down bias + gain - r| dwMin. */
    public double scaleDown(int i) {
        return Math.abs(downBias + gain(i) - upDownDtod * Deviate16.decode(zUpDown[i])) * dwMin;
    }

    /** Bytes held: four 16-bit deviates a device. */
    public long bytes() {
        return 2L * (zMax.length + zMin.length + zGain.length + zUpDown.length);
    }
}
