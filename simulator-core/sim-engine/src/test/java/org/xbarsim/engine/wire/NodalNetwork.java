package org.xbarsim.engine.wire;

import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.ConjugateGradient;
import org.apache.commons.math3.linear.RealLinearOperator;
import org.apache.commons.math3.linear.RealVector;

/**
 * The exact solution of a crossbar's resistive network, written from Kirchhoff's current law
 * independently of {@link IrDrop}: a word-line node and a bit-line node per device, each device a
 * conductance between its two nodes, wire segments between neighbours; row k's driver holds V_k behind
 * the first word-line segment, every bit line ends in a virtual ground below its last row. The nodal
 * matrix is symmetric positive definite; conjugate gradient (Apache Commons Math 3.6.1) with a Jacobi
 * preconditioner solves it to a relative residual of 1e-12. Conductances in siemens inside.
 */
final class NodalNetwork {
    private final int rows;
    private final int n;
    private final double[] g;
    private final double gw;
    private final double gb;
    private final double[] diagonal;

    /** @param gMicroSiemens rows x n conductances in uS, row-major */
    NodalNetwork(double[] gMicroSiemens, int rows, int n, double rowOhms, double colOhms) {
        this.rows = rows;
        this.n = n;
        this.g = new double[gMicroSiemens.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = gMicroSiemens[i] * 1e-6;
        }
        this.gw = 1 / rowOhms;
        this.gb = 1 / colOhms;
        this.diagonal = new double[2 * rows * n];
        for (int k = 0; k < rows; k++) {
            for (int j = 0; j < n; j++) {
                int d = k * n + j;
                diagonal[d] = gw + (j < n - 1 ? gw : 0) + g[d];
                diagonal[rows * n + d] = g[d] + gb + (k > 0 ? gb : 0);
            }
        }
    }

    /** Current into each bit line's sense node, in amperes, for row voltages {@code volts}. */
    double[] columnCurrents(double[] volts) {
        int size = 2 * rows * n;
        RealVector b = new ArrayRealVector(size);
        for (int k = 0; k < rows; k++) {
            b.setEntry(k * n, gw * volts[k]);
        }
        RealLinearOperator a = operator(size, this::apply);
        RealLinearOperator jacobi = operator(size, (x, y) -> {
            for (int i = 0; i < size; i++) {
                y[i] = x[i] / diagonal[i];
            }
        });
        RealVector v = new ConjugateGradient(100_000, 1e-12, false).solve(a, jacobi, b);
        double[] out = new double[n];
        for (int j = 0; j < n; j++) {
            out[j] = v.getEntry(rows * n + (rows - 1) * n + j) * gb;
        }
        return out;
    }

    /** y = A x for the nodal matrix: word-line nodes first, then bit-line nodes, each row-major. */
    private void apply(double[] x, double[] y) {
        int bits = rows * n;
        for (int k = 0; k < rows; k++) {
            for (int j = 0; j < n; j++) {
                int w = k * n + j;
                int b = bits + w;
                double sw = diagonal[w] * x[w] - g[w] * x[b];
                if (j > 0) {
                    sw -= gw * x[w - 1];
                }
                if (j < n - 1) {
                    sw -= gw * x[w + 1];
                }
                y[w] = sw;
                double sb = diagonal[b] * x[b] - g[w] * x[w];
                if (k > 0) {
                    sb -= gb * x[b - n];
                }
                if (k < rows - 1) {
                    sb -= gb * x[b + n];
                }
                y[b] = sb;
            }
        }
    }

    private interface Apply {
        void apply(double[] x, double[] y);
    }

    private static RealLinearOperator operator(int size, Apply f) {
        return new RealLinearOperator() {
            @Override
            public int getRowDimension() {
                return size;
            }

            @Override
            public int getColumnDimension() {
                return size;
            }

            @Override
            public RealVector operate(RealVector x) {
                double[] y = new double[size];
                f.apply(x.toArray(), y);
                return new ArrayRealVector(y, false);
            }
        };
    }
}
