package org.xbarsim.plugins.ideal;

import java.util.Arrays;
import org.xbarsim.api.device.DeviceArray;
import org.xbarsim.api.device.StuckFaults;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.random.RandomStream;

/**
 * Identical noise-free devices: one conductance array and three shared constants. The random streams
 * handed in are never drawn from, except the fabrication stream when stuck-at faults are asked for.
 */
final class IdealArray implements DeviceArray {
    private final double[] g;
    private final double gmax;
    private final double alpha;
    private final double gReset;
    /** Null when no device is stuck. */
    private final StuckFaults faults;

    IdealArray(Parameters p, int count, RandomStream fabrication) {
        this.gmax = p.number("gmax");
        this.alpha = p.number("alpha");
        this.gReset = Math.min(p.number("gReset"), gmax);
        this.g = new double[count];
        Arrays.fill(g, gReset);
        this.faults = StuckFaults.draw(p, g, i -> gReset, i -> gmax, fabrication);
    }

    @Override
    public int size() {
        return g.length;
    }

    @Override
    public double[] conductances() {
        return g;
    }

    @Override
    public void reset(int base, int[] cols, int count, RandomStream rng) {
        for (int k = 0; k < count; k++) {
            g[base + cols[k]] = gReset;
        }
        if (faults != null) {
            faults.pin(g, base, cols, count);
        }
    }

    @Override
    public void set(int base, int[] cols, int count, double strength, RandomStream rng) {
        double step = strength * alpha;
        for (int k = 0; k < count; k++) {
            int i = base + cols[k];
            g[i] = Math.min(g[i] + step, gmax);
        }
        if (faults != null) {
            faults.pin(g, base, cols, count);
        }
    }

    @Override
    public void readNoiseVariance(int base, int[] cols, int count, double[] out) {
        Arrays.fill(out, 0, count, 0);
    }

    @Override
    public void readNoiseVariances(double[] conductances, double[] out) {
        Arrays.fill(out, 0);
    }

    @Override
    public void drifted(double seconds, double[] out) {
        System.arraycopy(g, 0, out, 0, g.length);
    }
}
