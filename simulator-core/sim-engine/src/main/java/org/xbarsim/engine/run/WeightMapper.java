package org.xbarsim.engine.run;

import java.util.ArrayList;
import java.util.List;
import org.xbarsim.api.workload.WeightLayer;

/**
 * Maps layers onto tiles and weights onto conductance targets (science.md section 2):
 * W_target = w * F * G_T / w_clip with w_clip = max |w| of the layer, so the largest weight of a
 * layer asks for G_T on its MSP device. A layer larger than a tile is split into a grid of tiles.
 */
public final class WeightMapper {
    private WeightMapper() {
    }

    public static List<TileJob> map(List<WeightLayer> layers, int tileRows, int tileCols, double significanceF,
                                    double gTargetMaxMicroSiemens) {
        List<TileJob> jobs = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            WeightLayer layer = layers.get(l);
            double clip = layer.maxAbs();
            double scale = clip > 0 ? significanceF * gTargetMaxMicroSiemens / clip : 0;
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
