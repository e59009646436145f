package org.xbarsim.api.device;

import java.util.Arrays;

/**
 * Drift and read noise of a population whose devices were last programmed at different times, from a
 * model that knows one time for all: the model is asked once per distinct time, in increasing order,
 * and each device keeps the answer for its own time. Exact whenever devices drift independently of each
 * other (every model xbarsim ships); it costs one whole-array call per distinct time, so a model whose
 * law allows it computes per device instead (see {@link DeviceArrayBase}).
 */
public final class DeviceAges {
    private DeviceAges() {
    }

    /** {@link DeviceArray#drifted(double[], double[])} from {@link DeviceArray#drifted(double, double[])}. */
    public static void drifted(DeviceArray devices, double[] seconds, double[] out) {
        double[] at = new double[out.length];
        for (double s : distinct(seconds)) {
            devices.drifted(s, at);
            keep(seconds, s, at, out);
        }
    }

    /** {@link DeviceArray#readNoiseVariances(double[], double[], double[])} from the one-time version. */
    public static void readNoiseVariances(DeviceArray devices, double[] seconds, double[] conductances, double[] out) {
        double[] at = new double[out.length];
        for (double s : distinct(seconds)) {
            devices.readNoiseVariances(s, conductances, at);
            keep(seconds, s, at, out);
        }
    }

    /** The distinct values, in increasing order (so the calls come in a fixed order). */
    static double[] distinct(double[] seconds) {
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || Double.compare(sorted[i], sorted[n - 1]) != 0) {
                sorted[n++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, n);
    }

    private static void keep(double[] seconds, double s, double[] at, double[] out) {
        for (int i = 0; i < out.length; i++) {
            if (Double.compare(seconds[i], s) == 0) {
                out[i] = at[i];
            }
        }
    }
}
