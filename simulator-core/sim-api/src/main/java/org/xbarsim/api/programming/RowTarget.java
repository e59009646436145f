package org.xbarsim.api.programming;

/**
 * The weights one row must hold, as conductance-combination targets in uS.
 *
 * @param tile    tile index
 * @param row     row within the tile
 * @param columns cell columns in use (the first {@code columns} of the tile); the rest stay reset
 * @param targets target W per used column, uS; owned by the host, do not modify
 */
public record RowTarget(int tile, int row, int columns, double[] targets) {
}
