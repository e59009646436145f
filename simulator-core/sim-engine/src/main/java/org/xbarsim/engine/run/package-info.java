/**
 * A run: weights mapped onto tiles, one verticle per tile on the Vert.x event loops, the
 * tile-policy conversation on the event bus, results gathered in tile order.
 */
package org.xbarsim.engine.run;
