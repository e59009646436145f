/**
 * IR drop: the resistance of the word and bit lines of a crossbar, which makes a device's current
 * depend on where it sits and on what the rest of the array carries. A fast solver for runs; the
 * tests check it against the exact nodal solution of the resistive network.
 */
package org.xbarsim.engine.wire;
