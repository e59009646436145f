package org.xbarsim.explore.report;

import java.util.List;

/**
 * The exponent b of y = a x^b fitted to points by least squares on log-log axes: how a cost grows
 * with size (1 is linear).
 */
final class PowerLawFit {
    private PowerLawFit() {
    }

    /**
     * The least-squares slope of ln y against ln x: sum (u - mean u) ln y / sum (u - mean u)^2 with
     * u = ln x (the mean of ln y drops out, since the deviations of u sum to zero).
     */
    static double exponent(List<Double> x, List<Double> y) {
        int n = x.size();
        double meanU = 0;
        for (double v : x) {
            meanU += Math.log(v);
        }
        meanU /= n;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            double du = Math.log(x.get(i)) - meanU;
            sxy += du * Math.log(y.get(i));
            sxx += du * du;
        }
        return sxy / sxx;
    }
}
