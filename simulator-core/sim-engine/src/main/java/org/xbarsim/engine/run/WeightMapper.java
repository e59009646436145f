package org.xbarsim.engine.run;

import java.util.ArrayList;
import java.util.List;
import org.xbarsim.api.device.UnitCell;
import org.xbarsim.api.workload.WeightLayer;

/**
 * Maps layers onto tiles and weights onto conductance targets (science.md section 2):
 * W_target = w * R / w_clip with w_clip = max |w| of the layer and R the cell's weight range
 * ({@link UnitCell#weightRange}): F * G_T on two pairs, so the largest weight of a layer asks for
 * G_T on its MSP device; G_T on a pair or a single device (whose target conductance is then
 * reference + W_target). A layer larger than a tile is split into a grid of tiles.
 */
public final class WeightMapper {
    private WeightMapper() {
    }

    /** Onto tiles of the reference two-pair cells. */
    public static List<TileJob> map(List<WeightLayer> layers, int tileRows, int tileCols, double significanceF,
                                    double gTargetMaxMicroSiemens) {
        return map(layers, tileRows, tileCols, UnitCell.twoPairs(significanceF), gTargetMaxMicroSiemens);
    }

    public static List<TileJob> map(List<WeightLayer> layers, int tileRows, int tileCols, UnitCell cell,
                                    double gTargetMaxMicroSiemens) {
        return map(layers, tileRows, tileCols, cell, gTargetMaxMicroSiemens, WeightSlicing.NONE);
    }

    /**
     * As above with each weight spread over {@code slicing}'s cells: each layer programmed as its sliced
     * matrix ({@link WeightSlicing#split}), mapped with the layer's own clip, so a full digit asks for the
     * cell's full range and every job keeps the layer's w_clip.
     */
    public static List<TileJob> map(List<WeightLayer> layers, int tileRows, int tileCols, UnitCell cell,
                                    double gTargetMaxMicroSiemens, WeightSlicing slicing) {
        List<TileJob> jobs = new ArrayList<>();
        double range = cell.weightRange(gTargetMaxMicroSiemens);
        for (int l = 0; l < layers.size(); l++) {
            double clip = layers.get(l).maxAbs();
            WeightLayer layer = slicing.split(layers.get(l), clip);
            double scale = clip > 0 ? range / clip : 0;
            for (int r0 = 0; r0 < layer.rows(); r0 += tileRows) {
                for (int c0 = 0; c0 < layer.cols(); c0 += tileCols) {
                    int rows = Math.min(tileRows, layer.rows() - r0);
                    int cols = Math.min(tileCols, layer.cols() - c0);
                    double[] targets = new double[rows * cols];
                    for (int r = 0; r < rows; r++) {
                        for (int c = 0; c < cols; c++) {
                            targets[r * cols + c] = layer.weights()[(r0 + r) * layer.cols() + c0 + c] * scale;
                        }
                    }
                    jobs.add(new TileJob(jobs.size(), l, layer.name(), r0, c0, rows, cols, targets, clip));
                }
            }
        }
        return jobs;
    }
}
