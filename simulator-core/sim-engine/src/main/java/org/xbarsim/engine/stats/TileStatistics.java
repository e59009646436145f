package org.xbarsim.engine.stats;

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
    public double sumAbsErrorMicroSiemens;
    public final ErrorHistogram histogram;

    public TileStatistics(int tile, int layer, double histogramLimit) {
        this.tile = tile;
        this.layer = layer;
        this.histogram = new ErrorHistogram(histogramLimit, 40);
    }

    public double successFraction() {
        return weights == 0 ? 1.0 : succeeded / (double) weights;
    }
}
