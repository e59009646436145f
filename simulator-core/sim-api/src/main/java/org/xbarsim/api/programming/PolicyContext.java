package org.xbarsim.api.programming;

import org.xbarsim.api.param.Parameters;

/**
 * What the host tells a policy about the tile it programs.
 *
 * @param parameters    the policy's resolved parameters
 * @param tile          tile index
 * @param tileColumns   cell columns of the tile (masks are sized by it)
 * @param significanceF F in W = F * (GP - GM) + (LP - LM)
 */
public record PolicyContext(Parameters parameters, int tile, int tileColumns, double significanceF) {
}
