/**
 * A programming run: weights mapped onto tiles, each tile's rows cut into shards computed on the
 * Vert.x event loops (the tile-policy conversation on the event bus, per-row random streams), and
 * the rows' logs timed on the chip's timeline as they arrive; results gathered in tile and row order.
 */
package org.xbarsim.engine.run;
