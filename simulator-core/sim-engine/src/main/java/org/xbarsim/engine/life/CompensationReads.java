package org.xbarsim.engine.life;

import java.util.ArrayList;
import java.util.List;
import org.xbarsim.engine.hw.ChipConfig;
import org.xbarsim.engine.hw.CrossbarTile;
import org.xbarsim.engine.hw.ReadCost;
import org.xbarsim.engine.hw.RowDemand;
import org.xbarsim.engine.run.TileJob;
import org.xbarsim.engine.timeline.ChipTimeline;

/**
 * A drift-compensation read: every programmed row of every tile read once (integration, then each ADC
 * converting its used columns in series), tiles in parallel, ADC banks shared as the chip shares them.
 * Its time is the chip timeline's for such rows; its energy the cost model's price of each row read,
 * at the conductances the devices have drifted to when the model prices V^2 G t. What it measures (each
 * layer's sum of |W|) is taken noiseless ({@link LifeChip#layerSums}).
 */
final class CompensationReads {
    private final ChipConfig chip;
    private final long cycles;

    /** The read of a network's rows: its time depends only on their shape, so it is timed once. */
    CompensationReads(ChipConfig chip, List<TileJob> jobs) {
        this.chip = chip;
        List<ChipTimeline.TimedTile> timed = new ArrayList<>();
        for (TileJob job : jobs) {
            timed.add(new ChipTimeline.TimedTile(job.tile(), job.layer(), job.rows()));
        }
        long[] end = new long[1];
        ChipTimeline timeline = new ChipTimeline(chip, timed, (row, start, stop, waited) -> end[0] = stop, false);
        for (TileJob job : jobs) {
            for (int r = 0; r < job.rows(); r++) {
                RowDemand read = new RowDemand(job.tile(), r, 1);
                read.read();
                read.verify(Math.min(chip.columnsPerAdc(), job.cols()));
                timeline.offer(read);
            }
        }
        timeline.advance();
        this.cycles = timeline.result().endCycle();
    }

    /** Cycles the network is offline for one read of every row. */
    long cycles() {
        return cycles;
    }

    /** The energy of one read of every programmed row of {@code chipState} at {@code seconds}, pJ. */
    double energyPicojoules(LifeChip chipState, double seconds) {
        // The drifted conductances are priced only by a model that prices V^2 G t (ReadCost); computing them
        // for the others too costs one pass over the devices a read, against the read's own pass.
        double sum = 0;
        for (int t = 0; t < chipState.jobs().size(); t++) {
            TileJob job = chipState.jobs().get(t);
            double[] g = chipState.drifted(t, seconds);
            for (int r = 0; r < job.rows(); r++) {
                sum += ReadCost.of(chip, job.cols(), rowSum(chipState, t, g, r)).total();
            }
        }
        return sum;
    }

    /** Sum of the conductances of every device on a row: a read drives them all. */
    private static double rowSum(LifeChip chipState, int tile, double[] g, int row) {
        double sum = 0;
        CrossbarTile t = chipState.tiles().get(tile);
        for (int line = 0; line < t.cell().devices(); line++) {
            int base = t.base(line, row);
            for (int c = 0; c < t.cols(); c++) {
                sum += g[base + c];
            }
        }
        return sum;
    }
}
