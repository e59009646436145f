package org.xbarsim.engine.stats;

import org.xbarsim.engine.hw.CrossbarTile;
import org.xbarsim.engine.hw.ProgrammingEnergy;
import org.xbarsim.engine.hw.TileSequencer;

/**
 * What one tile's programming came to: primitive counters, bumped per row, merged in tile order so
 * that sums come out bit-identical whatever thread ran which tile.
 */
public final class TileStatistics {
    public final int tile;
    public final int layer;
    public long rows;
    public long weights;
    public long succeeded;
    public long setOps;
    public long resetOps;
    public long readOps;
    public long cycles;
    public double energyPicojoules;
    /** The energy by part. */
    public final ProgrammingEnergy energy = new ProgrammingEnergy();
    public double sumAbsErrorMicroSiemens;
    public final ErrorHistogram histogram;

    public TileStatistics(int tile, int layer, double histogramLimit) {
        this.tile = tile;
        this.layer = layer;
        this.histogram = new ErrorHistogram(histogramLimit, 40);
    }

    /** A programmed row's score: weights within tolerance, and their summed |W_true - W_target|. */
    public record RowScore(int succeeded, double sumAbsErrorMicroSiemens) {
    }

    /**
     * Scores row {@code row} of a programmed tile against its targets (noiseless conductances, the
     * success rule of science.md section 4) and adds it, with the row's operation counts, to these
     * statistics. The programming run and the open-loop replay both score rows here, so the same
     * weights give the same bits.
     */
    public RowScore addRow(CrossbarTile tile, int row, double[] targets, int cols, double tolerance,
                           TileSequencer.RowCounters counters, long now) {
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
        rows++;
        weights += cols;
        succeeded += ok;
        setOps += counters.setOps;
        resetOps += counters.resetOps;
        readOps += counters.readOps;
        energyPicojoules += counters.energyPicojoules;
        energy.add(counters.energy);
        sumAbsErrorMicroSiemens += sumAbs;
        cycles = now;
        return new RowScore(ok, sumAbs);
    }

    /** Adds another tile's statistics (for a layer's or a run's totals); cycles are not additive and stay. */
    public void addAll(TileStatistics t) {
        rows += t.rows;
        weights += t.weights;
        succeeded += t.succeeded;
        setOps += t.setOps;
        resetOps += t.resetOps;
        readOps += t.readOps;
        energyPicojoules += t.energyPicojoules;
        energy.add(t.energy);
        sumAbsErrorMicroSiemens += t.sumAbsErrorMicroSiemens;
        histogram.addAll(t.histogram);
    }

    public double successFraction() {
        return weights == 0 ? 1.0 : succeeded / (double) weights;
    }
}
