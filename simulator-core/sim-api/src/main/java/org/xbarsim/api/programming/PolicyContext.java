package org.xbarsim.api.programming;

import org.xbarsim.api.device.UnitCell;
import org.xbarsim.api.param.Parameters;

/**
 * What the host tells a policy about the tile it programs.
 *
 * @param parameters  the policy's resolved parameters
 * @param tile        tile index
 * @param tileColumns cell columns of the tile (masks are sized by it and by the cell's devices)
 * @param cell        the unit cell: how many devices hold a weight and how they combine
 */
public record PolicyContext(Parameters parameters, int tile, int tileColumns, UnitCell cell) {

    /** A tile of the reference two-pair cells, W = F (GP - GM) + (LP - LM). */
    public PolicyContext(Parameters parameters, int tile, int tileColumns, double significanceF) {
        this(parameters, tile, tileColumns, UnitCell.twoPairs(significanceF));
    }

    /** F of the cell (1 unless it has two pairs). */
    public double significanceF() {
        return cell.significanceF();
    }
}
