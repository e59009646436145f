package org.xbarsim.engine.infer;

import java.util.ArrayList;
import java.util.List;
import org.xbarsim.api.inference.DigitalOps;
import org.xbarsim.api.inference.LayerWork;
import org.xbarsim.engine.run.TileJob;

/**
 * How a network sits on the chip: each weight matrix with the tiles it was split across and the
 * share of their cells it uses, and each layer with its analog multiplies and digital operations
 * per sample (what a cost model prices). The summary's {@code inference.mapping}
 * ({@link org.xbarsim.engine.summary.SummaryBuilder#mapping}).
 *
 * @param tileRows  rows of a tile
 * @param tileCols  columns of a tile
 * @param matrices  the programmed matrices, in the workload's order
 * @param layers    the network's layers, in order; empty when the workload does not report them
 */
public record MappingReport(int tileRows, int tileCols, List<MatrixMapping> matrices, List<LayerWork> layers) {

    /**
     * @param name                the matrix (a layer's name)
     * @param rows                its rows (inputs)
     * @param cols                its columns (outputs)
     * @param tiles               the tiles holding it
     * @param utilisation         rows x cols over the cells of those tiles
     * @param multipliesPerSample analog multiplies of the matrix per sample (reuse: positions, steps)
     */
    public record MatrixMapping(String name, int rows, int cols, List<Integer> tiles, double utilisation,
                                long multipliesPerSample) {
    }

    public MappingReport {
        matrices = List.copyOf(matrices);
        layers = List.copyOf(layers);
    }

    /** Joins the tile jobs of the programming run with the workload's per-layer work. */
    public static MappingReport of(List<TileJob> jobs, int tileRows, int tileCols, List<LayerWork> work) {
        int count = jobs.stream().mapToInt(TileJob::layer).max().orElse(-1) + 1;
        long[] reuse = new long[count];
        java.util.Arrays.fill(reuse, 1);
        for (LayerWork w : work) {
            for (int m : w.matrices()) {
                if (m >= 0 && m < count) {
                    reuse[m] = w.multipliesPerSample();
                }
            }
        }
        List<MatrixMapping> matrices = new ArrayList<>();
        for (int m = 0; m < count; m++) {
            List<Integer> tiles = new ArrayList<>();
            int rows = 0;
            int cols = 0;
            String name = "";
            for (TileJob j : jobs) {
                if (j.layer() == m) {
                    tiles.add(j.tile());
                    rows = Math.max(rows, j.rowOffset() + j.rows());
                    cols = Math.max(cols, j.colOffset() + j.cols());
                    name = j.layerName();
                }
            }
            double cells = (double) tiles.size() * tileRows * tileCols;
            matrices.add(new MatrixMapping(name, rows, cols, tiles, (double) rows * cols / cells, reuse[m]));
        }
        return new MappingReport(tileRows, tileCols, matrices, work);
    }

    /** Tiles used by the network. */
    public int tiles() {
        return matrices.stream().mapToInt(m -> m.tiles().size()).sum();
    }

    /** Cells in use over the cells of the tiles used. */
    public double utilisation() {
        double used = matrices.stream().mapToDouble(m -> (double) m.rows() * m.cols()).sum();
        return tiles() == 0 ? 0 : used / ((double) tiles() * tileRows * tileCols);
    }

    /** Digital operations of all layers per sample. */
    public DigitalOps digitalPerSample() {
        DigitalOps total = DigitalOps.NONE;
        for (LayerWork w : layers) {
            total = total.plus(w.digital());
        }
        return total;
    }
}
