package org.xbarsim.plugins.measured;

import org.xbarsim.api.device.DeviceArrayBase;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.random.RandomStream;

/**
 * A population of devices that replay measured curves, in primitive arrays: every curve (running
 * maximum, times {@code scale}) packed into one {@code double[]} with a first and last index per
 * curve, and per device only its conductance (8 bytes) and the index of its measured curve (4):
 * 12 bytes a device, drift deviates drawn again when asked for. See {@link MeasuredDeviceModel}.
 */
final class MeasuredArray extends DeviceArrayBase {
    private final double[] curve;
    private final int[] first;
    private final int[] last;
    private final int[] curveOf;
    private final double c2c;
    private final double resetRel;
    private final double maxAmplitude;

    MeasuredArray(MeasuredCurves curves, int count, Parameters p, RandomStream rng) {
        super(count, p.number("readRel"), p.number("readAbs"), p.number("driftNu"), p.number("driftNuSigma"), true,
                p.number("driftT0"));
        double scale = p.number("scale");
        double[] m = curves.monotone();
        for (int j = 0; j < m.length; j++) {
            m[j] *= scale;
        }
        int[] start = curves.start();
        int n = curves.devices();
        this.curve = m;
        this.first = new int[n];
        this.last = new int[n];
        for (int c = 0; c < n; c++) {
            first[c] = start[c];
            last[c] = start[c + 1] - 1;
        }
        this.curveOf = new int[count];
        this.c2c = p.number("c2c");
        this.resetRel = p.number("resetRel");
        this.maxAmplitude = p.number("maxAmplitude");
        // Fixed draw order (drift seed, then measured curve and initial RESET state per device): the
        // population depends only on the stream and the parameters, never on how it is used later.
        drawDriftSeed(rng);
        for (int i = 0; i < count; i++) {
            int c = rng.nextInt(n);
            curveOf[i] = c;
            g[i] = Math.max(0, curve[first[c]] * (1 + resetRel * rng.nextGaussian()));
        }
        // Stuck low at the device's measured RESET point, stuck high at its curve's last (highest) point.
        drawFaults(p, i -> curve[first[curveOf[i]]], i -> curve[last[curveOf[i]]], rng);
    }

    /** The measured device (index into the population) that simulated device {@code i} replays. */
    int curveOf(int i) {
        return curveOf[i];
    }

    @Override
    public void reset(int base, int[] cols, int count, RandomStream rng) {
        for (int k = 0; k < count; k++) {
            int i = base + cols[k];
            g[i] = Math.max(0, curve[first[curveOf[i]]] * (1 + resetRel * rng.nextGaussian()));
        }
        pin(base, cols, count);
    }

    @Override
    public void set(int base, int[] cols, int count, double amplitude, double width, RandomStream rng) {
        // The curves were measured with unit pulses: a SET above maxAmplitude steps as one of that amplitude.
        double strength = Math.min(amplitude, maxAmplitude) * width;
        for (int k = 0; k < count; k++) {
            int i = base + cols[k];
            int c = curveOf[i];
            int lo = first[c];
            int hi = last[c];
            double gi = g[i];
            double mean;
            if (gi >= curve[hi]) {
                // At or past the last measured point: the curve is extrapolated flat, so no step.
                mean = gi;
            } else if (gi < curve[lo]) {
                // Below the reset point (RESET noise): take the curve's step from pulse 0 on top of G.
                mean = gi + (at(lo + strength, hi) - curve[lo]);
            } else {
                mean = at(position(gi, lo, hi) + strength, hi);
            }
            double next = mean;
            if (c2c != 0) {
                // Cycle-to-cycle noise in proportion to the curve's own step here, as PCM's is to alpha.
                next += c2c * (mean - gi) * rng.nextGaussian();
            }
            g[i] = Math.max(0, next);
        }
        pin(base, cols, count);
    }

    /**
     * The pulse position (absolute index into {@link #curve}) where the curve lo..hi reaches
     * {@code gi}, for curve[lo] <= gi < curve[hi]: the last point at or below gi, plus the linear
     * fraction to the next. On a flat stretch that is its last point: a memoryless device cannot tell
     * how long it has sat there, and taking the first would leave it stuck on the stretch for ever.
     */
    private double position(double gi, int lo, int hi) {
        int a = lo;
        int b = hi;
        // Invariant: curve[a] <= gi < curve[b].
        while (b - a > 1) {
            int mid = (a + b) >>> 1;
            if (curve[mid] <= gi) {
                a = mid;
            } else {
                b = mid;
            }
        }
        return a + (gi - curve[a]) / (curve[a + 1] - curve[a]);
    }

    /** The curve at absolute position q (>= its first index), linear between points, flat past hi. */
    private double at(double q, int hi) {
        if (q >= hi) {
            return curve[hi];
        }
        int j = (int) q;
        double f = q - j;
        return curve[j] + f * (curve[j + 1] - curve[j]);
    }

    @Override
    protected long parameterBytes() {
        return 4L * curveOf.length + 8L * curve.length + 8L * first.length;
    }
}
