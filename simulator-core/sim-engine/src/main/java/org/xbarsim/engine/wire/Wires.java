package org.xbarsim.engine.wire;

/**
 * The wire resistance of a tile ({@code chip.wire.*} keys): one segment of a word line joins two
 * neighbouring devices of a row, one segment of a bit line two neighbouring devices of a column.
 * Each row is driven from its left end, each bit line is sensed at virtual ground below its last row.
 *
 * @param rowOhms     resistance of one word-line segment
 * @param colOhms     resistance of one bit-line segment
 * @param verifyReads whether programming's verify reads go through the same wires (and closed-loop
 *                    programming so compensates what they cost a single row), or through an ideal
 *                    sense path that sees no drop
 */
public record Wires(double rowOhms, double colOhms, boolean verifyReads) {
    public static final Wires NONE = new Wires(0, 0, true);

    public Wires {
        if (!(rowOhms >= 0) || !(colOhms >= 0) || Double.isInfinite(rowOhms) || Double.isInfinite(colOhms)) {
            throw new IllegalArgumentException("wire resistances must be finite and >= 0, got " + rowOhms + ", "
                    + colOhms);
        }
    }

    /** Whether the wires have any resistance at all. */
    public boolean present() {
        return rowOhms > 0 || colOhms > 0;
    }
}
