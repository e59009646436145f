package org.xbarsim.engine.stats;

import org.xbarsim.engine.hw.CrossbarTile;
import org.xbarsim.engine.hw.ProgrammingEnergy;
import org.xbarsim.engine.hw.RowDemand;

/**
 * What one tile's programming came to: primitive counters, added row by row in row order and merged
 * in tile order, so that sums of doubles come out bit-identical whatever thread computed which row.
 * The error histogram holds counts, whose sums do not depend on order: each shard of rows fills its
 * own and they are merged ({@link ErrorHistogram#addAll}).
 */
public final class TileStatistics {
    /** Bins of the error histogram over +-4 tol: a fifth of a tolerance each. */
    public static final int HISTOGRAM_BINS = 40;

    public final int tile;
    public final int layer;
    public long rows;
    public long weights;
    public long succeeded;
    public long setOps;
    public long resetOps;
    public long readOps;
    /** Weights refreshes in place selected and programmed again. */
    public long refreshed;
    public long cycles;
    public double energyPicojoules;
    /** The energy by part. */
    public final ProgrammingEnergy energy = new ProgrammingEnergy();
    public double sumAbsErrorMicroSiemens;
    public final ErrorHistogram histogram;

    public TileStatistics(int tile, int layer, double histogramLimit) {
        this.tile = tile;
        this.layer = layer;
        this.histogram = new ErrorHistogram(histogramLimit, HISTOGRAM_BINS);
    }

    /**
     * Scores row {@code row} of a programmed tile against its targets (noiseless conductances, the
     * success rule of science.md section 4) into the row's log, and counts its errors in
     * {@code histogram}. The programming run and the open-loop replay both score rows here, so the
     * same weights give the same bits.
     */
    public static void score(CrossbarTile tile, int row, double[] targets, int cols, double tolerance,
                             ErrorHistogram histogram, RowDemand into) {
        double[] g = tile.devices().conductances();
        int ok = 0;
        double sumAbs = 0;
        for (int c = 0; c < cols; c++) {
            double error = tile.weight(g, row, c) - targets[c];
            histogram.add(error);
            sumAbs += Math.abs(error);
            if (Math.abs(error) <= tolerance) {
                ok++;
            }
        }
        into.weights = cols;
        into.succeeded = ok;
        into.sumAbsErrorMicroSiemens = sumAbs;
    }

    /** Adds a scored row that ended at cycle {@code end} of the chip's timeline; rows come in row order. */
    public void addRow(RowDemand row, long end) {
        rows++;
        weights += row.weights;
        succeeded += row.succeeded;
        setOps += row.setOps;
        resetOps += row.resetOps;
        readOps += row.readOps;
        refreshed += row.refreshed;
        energyPicojoules += row.energyPicojoules;
        energy.add(row.energy);
        sumAbsErrorMicroSiemens += row.sumAbsErrorMicroSiemens;
        cycles = end;
    }

    /** Adds another tile's statistics (for a layer's or a run's totals); cycles are not additive and stay. */
    public void addAll(TileStatistics t) {
        rows += t.rows;
        weights += t.weights;
        succeeded += t.succeeded;
        setOps += t.setOps;
        resetOps += t.resetOps;
        readOps += t.readOps;
        refreshed += t.refreshed;
        energyPicojoules += t.energyPicojoules;
        energy.add(t.energy);
        sumAbsErrorMicroSiemens += t.sumAbsErrorMicroSiemens;
        histogram.addAll(t.histogram);
    }

    public double successFraction() {
        return weights == 0 ? 1.0 : succeeded / (double) weights;
    }
}
