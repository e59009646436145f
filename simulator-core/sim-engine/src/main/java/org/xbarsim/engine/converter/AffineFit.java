package org.xbarsim.engine.converter;

/**
 * Least-squares line through points (x, y): y = slope x + intercept. What a per-column ADC
 * calibration fits to the codes it measures for known reference inputs (HERMES calibrates each
 * column's affine error this way, Khaddam-Aljameh et al., IEEE JSSC 57(4), 2022).
 */
record AffineFit(double slope, double intercept) {

    static AffineFit of(double[] x, double[] y, int n) {
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < n; i++) {
            sx += x[i];
            sy += y[i];
        }
        double mx = sx / n;
        double my = sy / n;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
        }
        if (!(sxx > 0)) {
            throw new IllegalArgumentException("a line needs two distinct x values");
        }
        double slope = sxy / sxx;
        return new AffineFit(slope, my - slope * mx);
    }
}
