package org.xbarsim.api.device;

/**
 * The devices that hold one weight, a choice of the chip ({@code chip.cell.devices}):
 * <ul>
 *   <li>4 devices, two differential pairs of different significance (science.md section 2):
 *       W = F (GP - GM) + (LP - LM), lines GP, GM, LP, LM;</li>
 *   <li>2 devices, one differential pair: W = GP - GM, lines GP, GM;</li>
 *   <li>1 device against a fixed reference column: W = G - G_ref, line G. The reference is one column
 *       per tile of fixed conductance G_ref ({@code chip.cell.reference}) read with every row and
 *       subtracted in the periphery; it is modelled as exact (no programming error, read noise or
 *       drift of its own), so the cell's error is its one device's.</li>
 * </ul>
 * Device arrays, masks and column reads hold the lines of a cell in the order above, line-major:
 * device {@code line * rows * cols + row * cols + col}.
 *
 * @param devices               1, 2 or 4
 * @param significanceF         F of a 4-device cell (1 for the others: the pair is the whole weight)
 * @param referenceMicroSiemens G_ref of a 1-device cell (0 for the others)
 */
public record UnitCell(int devices, double significanceF, double referenceMicroSiemens) {

    /** No device on this line. */
    public static final int NONE = -1;

    public UnitCell {
        if (devices != 1 && devices != 2 && devices != 4) {
            throw new IllegalArgumentException("a unit cell has 1, 2 or 4 devices, got " + devices);
        }
        if (devices != 4) {
            significanceF = 1;
        }
        if (devices != 1) {
            referenceMicroSiemens = 0;
        }
    }

    /** Two pairs, W = F (GP - GM) + (LP - LM): the reference cell of science.md. */
    public static UnitCell twoPairs(double significanceF) {
        return new UnitCell(4, significanceF, 0);
    }

    /** One differential pair, W = GP - GM. */
    public static UnitCell pair() {
        return new UnitCell(2, 1, 0);
    }

    /** One device against a fixed reference, W = G - G_ref. */
    public static UnitCell single(double referenceMicroSiemens) {
        return new UnitCell(1, 1, referenceMicroSiemens);
    }

    /**
     * The |W| the largest weight of a layer maps to: F G_T on two pairs (the MSP device of the
     * largest weight at G_T), G_T otherwise.
     */
    public double weightRange(double gTargetMax) {
        return devices == 4 ? significanceF * gTargetMax : gTargetMax;
    }

    /** Whether the cell can lower W by programming (a second device to raise); a single device cannot. */
    public boolean bidirectional() {
        return devices > 1;
    }

    /** The line that raises W in the coarse (most significant) phase: GP. */
    public int coarseUp() {
        return 0;
    }

    /** The line that lowers W in the coarse phase: GM, or {@link #NONE} on a single device. */
    public int coarseDown() {
        return devices == 1 ? NONE : 1;
    }

    /** The line that raises W in the fine phase: LP on two pairs, else the coarse line. */
    public int fineUp() {
        return devices == 4 ? 2 : 0;
    }

    /** The line that lowers W in the fine phase: LM on two pairs, GM on a pair, {@link #NONE} on a single device. */
    public int fineDown() {
        return devices == 4 ? 3 : coarseDown();
    }

    /** What a unit change of a line's conductance changes W by, in magnitude: F on the MSP pair, else 1. */
    public double gain(int line) {
        return devices == 4 && line < 2 ? significanceF : 1;
    }

    /** +1 for a line that adds to W (GP, LP, G), -1 for one that subtracts (GM, LM). */
    public int sign(int line) {
        return (line & 1) == 0 ? 1 : -1;
    }

    /**
     * The noiseless weight of cell {@code i} (= row * cols + col) of a tile whose planes hold
     * {@code plane} devices each, from conductances {@code g} (true or drifted). The 4-device form is
     * written exactly as it always was, so its results stay bit-identical.
     */
    public double weight(double[] g, int plane, int i) {
        return switch (devices) {
            case 4 -> significanceF * (g[i] - g[plane + i]) + (g[2 * plane + i] - g[3 * plane + i]);
            case 2 -> g[i] - g[plane + i];
            default -> g[i] - referenceMicroSiemens;
        };
    }

    /**
     * The variance of a column's integrated read noise from the per-line device variances of one
     * cell, uS^2: sum over lines of gain^2 var (the reference column adds none).
     */
    public double variance(double[] v, int plane, int i) {
        return switch (devices) {
            case 4 -> {
                double f2 = significanceF * significanceF;
                yield f2 * (v[i] + v[plane + i]) + v[2 * plane + i] + v[3 * plane + i];
            }
            case 2 -> v[i] + v[plane + i];
            default -> v[i];
        };
    }
}
