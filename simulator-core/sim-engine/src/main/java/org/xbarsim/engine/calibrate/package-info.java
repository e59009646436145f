/**
 * Calibration of device physics against published statistics: the spread of the programmed state a
 * programming policy leaves at chosen target levels ({@link org.xbarsim.engine.calibrate.ProgrammedSpread}),
 * and the fit of device parameters that makes it match a law ({@link org.xbarsim.engine.calibrate.SpreadFit}).
 */
package org.xbarsim.engine.calibrate;
