package org.xbarsim.engine.life;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.xbarsim.engine.hw.CrossbarTile;
import org.xbarsim.engine.hw.TrackedDevices;
import org.xbarsim.engine.run.TileJob;

/**
 * A chip's state through its working life: its tiles with their tracked devices, the network on them,
 * when each programming run ended (each device drifts from the end of the run that last pulsed it), and
 * the drift compensation in force.
 */
final class LifeChip {
    private final List<CrossbarTile> tiles;
    private final List<TrackedDevices> devices;
    /** Seconds after the first programming at which run k ended. */
    private double[] runEnds = new double[8];
    private int runs;
    private List<TileJob> jobs;
    private int network;
    private double[] references;
    private double[] compensation;

    LifeChip(List<CrossbarTile> tiles, List<TrackedDevices> devices, List<TileJob> jobs) {
        this.tiles = List.copyOf(tiles);
        this.devices = List.copyOf(devices);
        this.jobs = List.copyOf(jobs);
        int layers = jobs.stream().mapToInt(TileJob::layer).max().orElse(-1) + 1;
        this.compensation = new double[layers];
        Arrays.fill(compensation, 1.0);
    }

    List<CrossbarTile> tiles() {
        return tiles;
    }

    List<TileJob> jobs() {
        return jobs;
    }

    int layers() {
        return compensation.length;
    }

    int network() {
        return network;
    }

    /** Programming runs so far; the next one's index. */
    int runs() {
        return runs;
    }

    /** Begins programming run {@link #runs()} at {@code seconds}: every tile's devices as they stand then. */
    void beginRun(double seconds) {
        for (int t = 0; t < tiles.size(); t++) {
            TrackedDevices d = devices.get(t);
            if (runs == 0) {
                d.beginRun(0, null, null);
                continue;
            }
            double[] ages = ages(t, seconds);
            double[] g = new double[d.size()];
            d.drifted(ages, g);
            double[] v = new double[d.size()];
            d.readNoiseVariances(ages, g, v);
            d.beginRun(runs, g, v);
        }
    }

    /** Ends the run begun last, at {@code seconds}: the devices it pulsed drift from then on. */
    void endRun(double seconds) {
        for (TrackedDevices d : devices) {
            d.endRun();
        }
        if (runs == runEnds.length) {
            runEnds = Arrays.copyOf(runEnds, 2 * runs);
        }
        runEnds[runs++] = seconds;
    }

    /** A new network now holds the tiles; its compensation starts afresh. */
    void load(List<TileJob> newJobs, int index) {
        this.jobs = List.copyOf(newJobs);
        this.network = index;
        Arrays.fill(compensation, 1.0);
        references = null;
    }

    /** Each device's time since the end of the run that last pulsed it, at {@code seconds}. */
    double[] ages(int tile, double seconds) {
        TrackedDevices d = devices.get(tile);
        double[] ages = new double[d.size()];
        for (int i = 0; i < ages.length; i++) {
            ages[i] = seconds - runEnds[d.epoch(i)];
        }
        return ages;
    }

    /** Every tile's device ages at {@code seconds}, in job order. */
    List<double[]> ages(double seconds) {
        List<double[]> all = new ArrayList<>();
        for (int t = 0; t < tiles.size(); t++) {
            all.add(ages(t, seconds));
        }
        return all;
    }

    /** The drifted conductances of a tile's devices at {@code seconds}. */
    double[] drifted(int tile, double seconds) {
        double[] g = new double[devices.get(tile).size()];
        devices.get(tile).drifted(ages(tile, seconds), g);
        return g;
    }

    /**
     * Per layer, the sum of |W| over its cells at {@code seconds} (noiseless), what a compensation read
     * of every row measures: the read noise of 65,536 cells averages out to a few parts in ten thousand.
     */
    double[] layerSums(double seconds) {
        double[] sums = new double[layers()];
        for (int t = 0; t < tiles.size(); t++) {
            TileJob job = jobs.get(t);
            double[] g = drifted(t, seconds);
            CrossbarTile tile = tiles.get(t);
            for (int r = 0; r < job.rows(); r++) {
                for (int c = 0; c < job.cols(); c++) {
                    sums[job.layer()] += Math.abs(tile.weight(g, r, c));
                }
            }
        }
        return sums;
    }

    /** Weights further than {@code tolerance} from their targets at {@code seconds}, and all weights. */
    long[] outOfTolerance(double seconds, double tolerance) {
        long out = 0;
        long all = 0;
        for (int t = 0; t < tiles.size(); t++) {
            TileJob job = jobs.get(t);
            double[] g = drifted(t, seconds);
            for (int r = 0; r < job.rows(); r++) {
                for (int c = 0; c < job.cols(); c++) {
                    out += Math.abs(tiles.get(t).weight(g, r, c) - job.targets()[r * job.cols() + c]) > tolerance
                            ? 1 : 0;
                    all++;
                }
            }
        }
        return new long[] {out, all};
    }

    /** The reference a compensation read compares with: each layer's sum of |W| just after programming. */
    void setReferences(double seconds) {
        references = layerSums(seconds);
    }

    /** A compensation read's outcome: each layer rescaled by its reference over what it reads now. */
    void compensate(double[] sums) {
        for (int l = 0; l < compensation.length; l++) {
            compensation[l] = sums[l] > 0 ? references[l] / sums[l] : 1.0;
        }
    }

    double[] compensation() {
        return compensation.clone();
    }

    /** Pulses each device of a programmed cell took, every tile. */
    long[] pulsesOfProgrammedDevices() {
        int n = 0;
        for (int t = 0; t < tiles.size(); t++) {
            n += tiles.get(t).cell().devices() * jobs.get(t).rows() * jobs.get(t).cols();
        }
        long[] pulses = new long[n];
        int k = 0;
        for (int t = 0; t < tiles.size(); t++) {
            TileJob job = jobs.get(t);
            CrossbarTile tile = tiles.get(t);
            for (int line = 0; line < tile.cell().devices(); line++) {
                for (int r = 0; r < job.rows(); r++) {
                    for (int c = 0; c < job.cols(); c++) {
                        pulses[k++] = devices.get(t).pulses(tile.base(line, r) + c);
                    }
                }
            }
        }
        return pulses;
    }
}
