/**
 * Data converters as built: column ADCs with per-column offset, gain error, nonlinearity (a SAR's
 * from its capacitor array's mismatch) and input-referred noise, drawn at fabrication; their
 * optional per-column affine calibration; the amplitude DAC's element mismatch and the device
 * current-voltage curve it drives. Pure functions over primitive arrays and named random streams:
 * the timed path (hw) calls them.
 */
package org.xbarsim.engine.converter;
