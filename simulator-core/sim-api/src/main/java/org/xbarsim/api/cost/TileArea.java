package org.xbarsim.api.cost;

/**
 * The silicon area of one tile by part, um^2. A model that does not price area says so with
 * {@link #UNKNOWN} (every part NaN), and the summary leaves area and TOPS/mm^2 out.
 *
 * @param array   the devices, from the cell pitch
 * @param adcs    the column ADCs
 * @param rows    the row DACs and drivers
 * @param digital the digital periphery (accumulate, scale, activation)
 */
public record TileArea(double array, double adcs, double rows, double digital) {
    public static final TileArea UNKNOWN = new TileArea(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    public double total() {
        return array + adcs + rows + digital;
    }

    public boolean known() {
        return !Double.isNaN(total());
    }
}
