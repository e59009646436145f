/** The bridge to the Vert.x event bus: addresses and zero-copy codecs for simulation events. */
package org.xbarsim.engine.bus;
