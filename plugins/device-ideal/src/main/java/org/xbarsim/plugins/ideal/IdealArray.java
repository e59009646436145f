package org.xbarsim.plugins.ideal;

import java.util.Arrays;
import org.xbarsim.api.device.DeviceArrayBase;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.random.RandomStream;

/**
 * Identical noise-free devices: one conductance array (8 bytes a device) and shared constants. The
 * random streams handed in are never drawn from, except the fabrication stream when stuck-at faults
 * are asked for.
 */
final class IdealArray extends DeviceArrayBase {
    private final double gmax;
    private final double alpha;
    private final double gReset;
    private final double maxAmplitude;

    /** No read noise (readRel = readAbs = 0) and no drift exponents: the base's laws give exactly 0 and G. */
    IdealArray(Parameters p, int count, RandomStream fabrication) {
        super(count, 0, 0, 0, 0, true, 1);
        this.gmax = p.number("gmax");
        this.alpha = p.number("alpha");
        this.maxAmplitude = p.number("maxAmplitude");
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
        // The drivers deliver at most maxAmplitude: a stronger SET steps as one of that amplitude.
        double step = Math.min(amplitude, maxAmplitude) * width * alpha;
        for (int k = 0; k < count; k++) {
            int i = base + cols[k];
            g[i] = Math.min(g[i] + step, gmax);
        }
        pin(base, cols, count);
    }

    @Override
    protected long parameterBytes() {
        return 0;
    }
}
