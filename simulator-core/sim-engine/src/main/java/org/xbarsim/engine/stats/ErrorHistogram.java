package org.xbarsim.engine.stats;

/**
 * Histogram of programmed-weight error W_true - W_target in uS: equal bins over [-limit, +limit)
 * plus an underflow and an overflow count. Primitive counters; merged in tile order.
 */
public final class ErrorHistogram {
    private final double limit;
    private final double binWidth;
    private final long[] counts;
    private long below;
    private long above;

    public ErrorHistogram(double limit, int bins) {
        this.limit = limit;
        this.binWidth = 2 * limit / bins;
        this.counts = new long[bins];
    }

    public void add(double error) {
        if (error < -limit) {
            below++;
        } else if (error >= limit) {
            above++;
        } else {
            int bin = (int) ((error + limit) / binWidth);
            counts[Math.min(bin, counts.length - 1)]++;
        }
    }

    public void addAll(ErrorHistogram other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        below += other.below;
        above += other.above;
    }

    public double limit() {
        return limit;
    }

    public double binWidth() {
        return binWidth;
    }

    public long[] counts() {
        return counts.clone();
    }

    public long below() {
        return below;
    }

    public long above() {
        return above;
    }
}
