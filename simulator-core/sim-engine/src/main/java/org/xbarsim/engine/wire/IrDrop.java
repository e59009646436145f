package org.xbarsim.engine.wire;

/**
 * A fast solver of IR drop in a crossbar of {@code rows} x {@code n} devices (n devices along each
 * word line), conductances in uS, row-major. The network is linear, so the column currents of any
 * drive (all rows driven, as in inference, or one, as in a verify read, the others held at 0 V) are
 * I_j = sum_k V_k M_kj for an effective conductance matrix M. This class approximates M in
 * O(rows x n):
 * <ol>
 * <li>each word line alone, with its bit lines at ground: a resistive ladder solved exactly
 * (tridiagonal, Thomas), giving each device's share of the drive voltage a_kj, and h = G a;</li>
 * <li>the bit lines: the current of row k into bit line j raises the voltage of every node of that
 * line by r_b times the segments its path to the sense shares with theirs, rows - max(i, k), which
 * takes current from every device on the line (into the grounded word lines of undriven rows too);
 * to first order column j loses r_b S_kj of row k's current, S_kj = sum_i h_ij (rows - max(i, k)),
 * and M_kj = h_kj / (1 + r_b S_kj) sums the geometric series of that loss.</li>
 * </ol>
 * Checked against the exact nodal solution in the tests: within 1% while the largest column drop is
 * under about 30%. What it leaves out, the word lines' response to the bit lines' voltages, is second
 * order in the resistances.
 */
public final class IrDrop {
    private final int rows;
    private final int n;
    /** Resistances scaled so that conductance in uS times them is dimensionless. */
    private final double rw;
    private final double rb;
    /** Thomas-algorithm scratch: the reciprocal pivots of the current word line. */
    private final double[] e;
    private final double[] leak;
    private final double[] h;

    public IrDrop(Wires wires, int rows, int n) {
        this.rows = rows;
        this.n = n;
        this.rw = wires.rowOhms() * 1e-6;
        this.rb = wires.colOhms() * 1e-6;
        this.e = new double[n];
        this.leak = new double[n];
        this.h = new double[rows * n];
    }

    /**
     * Each device's share of its row's drive voltage when the bit lines are at ground, into
     * {@code a[aOff..aOff + n)}, for the word line whose conductances are {@code g[off..off + n)}.
     * Nodal equations scaled by r_w: -v(j-1) + (2 + g_j r_w) v_j - v(j+1) = 0, the driver v(-1) = 1
     * behind the first segment, the last node with one neighbour.
     */
    void wordLine(double[] g, int off, double[] a, int aOff) {
        if (rw == 0) {
            java.util.Arrays.fill(a, aOff, aOff + n, 1.0);
            return;
        }
        double d = 0;
        for (int j = 0; j < n; j++) {
            double diagonal = (j == n - 1 ? 1 : 2) + g[off + j] * rw;
            double pivot = j == 0 ? diagonal : diagonal - e[j - 1];
            e[j] = 1 / pivot;
            d = (j == 0 ? 1 : d) * e[j];
            a[aOff + j] = d;
        }
        for (int j = n - 2; j >= 0; j--) {
            a[aOff + j] += e[j] * a[aOff + j + 1];
        }
    }

    /** The effective conductance of every device with every row driven or grounded, into {@code m}. */
    public void effective(double[] g, double[] m) {
        for (int k = 0; k < rows; k++) {
            wordLine(g, k * n, m, k * n);
            for (int j = k * n; j < (k + 1) * n; j++) {
                m[j] *= g[j];
            }
        }
        if (rb == 0) {
            return;
        }
        for (int j = 0; j < n; j++) {
            // S_k = (rows - k) P_k + Q_k with P_k = sum_{i <= k} h_i and Q_k = sum_{i > k} h_i (rows - i).
            double q = 0;
            for (int k = rows - 1; k >= 0; k--) {
                h[k * n + j] = q; // Q_k, before row k joins it
                q += m[k * n + j] * (rows - k);
            }
            double p = 0;
            for (int k = 0; k < rows; k++) {
                int i = k * n + j;
                p += m[i];
                m[i] /= 1 + rb * ((rows - k) * p + h[i]);
            }
        }
    }

    /**
     * Prepares verify reads of row {@code k}: the other rows' part of S_kj, which stays as it is while
     * only row k is pulsed. O(rows x n); call when the row being read changes.
     */
    public void prepareRow(double[] g, int k) {
        java.util.Arrays.fill(leak, 0);
        if (rb == 0) {
            return;
        }
        for (int i = 0; i < rows; i++) {
            if (i == k) {
                continue;
            }
            wordLine(g, i * n, h, i * n);
            int shared = rows - Math.max(i, k);
            for (int j = 0; j < n; j++) {
                leak[j] += g[i * n + j] * h[i * n + j] * shared;
            }
        }
    }

    /**
     * The effective conductances of row {@code k}'s devices in a verify read (row k driven, the others
     * at 0 V), into {@code out[0..n)}, after {@link #prepareRow} for this row.
     */
    public void readRow(double[] g, int k, double[] out) {
        wordLine(g, k * n, out, 0);
        int shared = rows - k;
        for (int j = 0; j < n; j++) {
            double hk = g[k * n + j] * out[j];
            out[j] = hk / (1 + rb * (hk * shared + leak[j]));
        }
    }
}
