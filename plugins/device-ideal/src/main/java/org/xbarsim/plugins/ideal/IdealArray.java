package org.xbarsim.plugins.ideal;

import java.util.Arrays;
import org.xbarsim.api.device.DeviceArrayBase;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.random.RandomStream;

/**
 * Identical noise-free devices: one conductance array and three shared constants. The random streams
 * handed in are never drawn from, except the fabrication stream when stuck-at faults are asked for.
 */
final class IdealArray extends DeviceArrayBase {
    private final double gmax;
    private final double alpha;
    private final double gReset;

    /** No read noise (readRel = readAbs = 0) and no drift exponents: the base's laws give exactly 0 and G. */
    IdealArray(Parameters p, int count, RandomStream fabrication) {
        super(count, 0, 0, false, 1);
        this.gmax = p.number("gmax");
        this.alpha = p.number("alpha");
        this.gReset = Math.min(p.number("gReset"), gmax);
        Arrays.fill(g, gReset);
        drawFaults(p, i -> gReset, i -> gmax, fabrication);
    }

    @Override
    public void reset(int base, int[] cols, int count, RandomStream rng) {
        for (int k = 0; k < count; k++) {
            g[base + cols[k]] = gReset;
        }
        pin(base, cols, count);
    }

    @Override
    public void set(int base, int[] cols, int count, double amplitude, double width, RandomStream rng) {
        double strength = amplitude * width;
        double step = strength * alpha;
        for (int k = 0; k < count; k++) {
            int i = base + cols[k];
            g[i] = Math.min(g[i] + step, gmax);
        }
        pin(base, cols, count);
    }
}
