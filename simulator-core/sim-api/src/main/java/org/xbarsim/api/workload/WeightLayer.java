package org.xbarsim.api.workload;

/**
 * One weight matrix, row-major: element (r, c) is {@code weights[r * cols + c]}. Rows are the
 * inputs (crossbar rows, programmed one after another), columns the outputs.
 */
public record WeightLayer(String name, int rows, int cols, double[] weights) {
    public WeightLayer {
        if (rows <= 0 || cols <= 0 || (long) rows * cols != weights.length) {
            throw new IllegalArgumentException("layer " + name + ": " + rows + "x" + cols + " does not match "
                    + weights.length + " weights");
        }
    }

    /** The largest magnitude, the default clipping weight of the mapping to conductance. */
    public double maxAbs() {
        double m = 0;
        for (double w : weights) {
            m = Math.max(m, Math.abs(w));
        }
        return m;
    }
}
