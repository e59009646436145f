package org.xbarsim.engine.run;

/**
 * The part of one layer that one tile holds: a block of up to tile-rows x tile-cols weights,
 * already mapped to conductance targets.
 *
 * @param tile      global tile index
 * @param layer     layer index
 * @param layerName layer name
 * @param rowOffset first layer row on this tile
 * @param colOffset first layer column on this tile
 * @param rows      rows in use (programmed); the rest of the tile stays reset
 * @param cols      columns in use
 * @param targets   W targets in uS, rows x cols row-major
 * @param weightClip the layer's clipping weight w_clip (its largest |w|), which maps to F * G_T
 */
public record TileJob(int tile, int layer, String layerName, int rowOffset, int colOffset, int rows, int cols,
                      double[] targets, double weightClip) {
}
