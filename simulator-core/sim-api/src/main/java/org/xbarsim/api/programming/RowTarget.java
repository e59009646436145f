package org.xbarsim.api.programming;

/**
 * The weights one row must hold, as conductance-combination targets in uS.
 *
 * <p>A first programming ({@code inPlace} null) starts from devices in whatever state fabrication or
 * an earlier network left them, which the policy resets as it sees fit, and programs every used column.
 * A refresh in place ({@code inPlace} set) hands a row whose devices hold the state an earlier
 * programming and their drift since left them in: only the columns set in {@code inPlace} (cell
 * columns, the weights that left tolerance) are to be programmed, starting from the state they have,
 * and no device of another column may be pulsed (the host refuses an operation that would). Only
 * policies that say so ({@link ProgrammingPolicy#refreshesInPlace}) are given such rows.
 *
 * @param tile    tile index
 * @param row     row within the tile
 * @param columns cell columns in use (the first {@code columns} of the tile); the rest stay reset
 * @param targets target W per used column, uS; owned by the host, do not modify
 * @param inPlace null for a first programming; for a refresh in place, the cell columns to program
 */
public record RowTarget(int tile, int row, int columns, double[] targets, BitMask inPlace) {

    /** A first programming of every used column. */
    public RowTarget(int tile, int row, int columns, double[] targets) {
        this(tile, row, columns, targets, null);
    }

    /** Whether column {@code col} is to be programmed: every used column, or those selected in place. */
    public boolean programs(int col) {
        return col < columns && (inPlace == null || inPlace.get(col));
    }
}
