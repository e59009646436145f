package org.xbarsim.api.device;

import static org.xbarsim.api.param.Quantity.NUMBER;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.random.RandomStream;

/**
 * Stuck-at faults (science.md section 3): a fraction of the devices is stuck at its lowest or its
 * highest conductance from fabrication on and ignores SET and RESET. One mechanism shared by every
 * device model, so that {@code device.stuckAtMinFraction} and {@code device.stuckAtMaxFraction} mean
 * the same on every technology.
 *
 * <p>A device array keeps {@code null} when no device is stuck ({@link #draw} returns null for
 * fractions of 0 and then draws nothing from the fabrication stream), so a fault-free population is
 * bit-identical to one made before faults existed and its hot loop pays one null test per
 * operation, not per device. With faults, the array runs its physics on every addressed device as
 * usual (the random streams advance exactly as without faults) and then {@link #pin pins} the stuck
 * ones back: a fault changes which devices move, never the noise the others see.
 */
public final class StuckFaults {
    public static final String MIN_FRACTION = "stuckAtMinFraction";
    public static final String MAX_FRACTION = "stuckAtMaxFraction";

    /** The two parameters every device model lists after its own. */
    public static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.of(MIN_FRACTION, NUMBER, "0", 0, 1,
                    "Fraction of devices stuck at their lowest conductance from fabrication on (ignore SET and RESET)."),
            ParameterSpec.of(MAX_FRACTION, NUMBER, "0", 0, 1,
                    "Fraction of devices stuck at their highest conductance from fabrication on (ignore SET and RESET).")
    );

    /** Two bits per device: {@link #FREE}, {@link #LOW} or {@link #HIGH}, 32 devices per long. */
    private static final long FREE = 0;
    private static final long LOW = 1;
    private static final long HIGH = 2;

    private final long[] state;
    private final IntToDoubleFunction low;
    private final IntToDoubleFunction high;
    private final int stuckCount;

    private StuckFaults(long[] state, IntToDoubleFunction low, IntToDoubleFunction high, int stuckCount) {
        this.state = state;
        this.low = low;
        this.high = high;
        this.stuckCount = stuckCount;
    }

    /** A model's own parameters (one or more lists, in order) followed by {@link #PARAMETERS}. */
    @SafeVarargs
    public static List<ParameterSpec> withFaults(List<ParameterSpec>... own) {
        List<ParameterSpec> all = new ArrayList<>();
        for (List<ParameterSpec> part : own) {
            all.addAll(part);
        }
        all.addAll(PARAMETERS);
        return Collections.unmodifiableList(all);
    }

    /**
     * Chooses the stuck devices of a population of {@code count} with the fabrication stream (one
     * uniform deviate per device, in device order, after the model's own draws) and pins them in
     * {@code g}: a device stuck low at {@code low(i)}, stuck high at {@code high(i)}. The two functions
     * are kept and asked again at every pin, so they must be pure functions of fabricated state (a
     * device's own bound), which is what lets a fault cost 2 bits per device, not a stored value.
     *
     * @return null when both fractions are 0: nothing is drawn and nothing is stuck
     * @throws InputError when the two fractions add up to more than 1
     */
    public static StuckFaults draw(Parameters p, double[] g, IntToDoubleFunction low, IntToDoubleFunction high,
                                   RandomStream fabrication) {
        double fMin = p.number(MIN_FRACTION);
        double fMax = p.number(MAX_FRACTION);
        if (fMin + fMax > 1) {
            throw new InputError("", "device." + MAX_FRACTION, "expected " + MIN_FRACTION + " + " + MAX_FRACTION
                    + " <= 1, got " + fMin + " + " + fMax);
        }
        if (fMin == 0 && fMax == 0) {
            return null;
        }
        long[] state = new long[(g.length + 31) >>> 5];
        int stuck = 0;
        for (int i = 0; i < g.length; i++) {
            double u = fabrication.nextDouble();
            long kind = u < fMin ? LOW : u < fMin + fMax ? HIGH : FREE;
            if (kind != FREE) {
                state[i >>> 5] |= kind << ((i & 31) << 1);
                stuck++;
            }
        }
        StuckFaults faults = new StuckFaults(state, low, high, stuck);
        faults.pinAll(g);
        return faults;
    }

    private long kind(int i) {
        return (state[i >>> 5] >>> ((i & 31) << 1)) & 3;
    }

    private void pinOne(double[] g, int i) {
        long kind = kind(i);
        if (kind == LOW) {
            g[i] = low.applyAsDouble(i);
        } else if (kind == HIGH) {
            g[i] = high.applyAsDouble(i);
        }
    }

    /** Puts the stuck devices among the addressed ones back to their stuck conductance. */
    public void pin(double[] g, int base, int[] cols, int count) {
        for (int k = 0; k < count; k++) {
            pinOne(g, base + cols[k]);
        }
    }

    /** Puts every stuck device of {@code g} (for example drifted conductances) back to its stuck value. */
    public void pinAll(double[] g) {
        for (int i = 0; i < g.length; i++) {
            pinOne(g, i);
        }
    }

    /** Whether device {@code i} is stuck. */
    public boolean isStuck(int i) {
        return kind(i) != FREE;
    }

    /** How many devices are stuck. */
    public int stuckCount() {
        return stuckCount;
    }

    /** Bytes of the fault map: 2 bits per device. */
    public long memoryBytes() {
        return 8L * state.length;
    }
}
