/**
 * Networks through a chip's analog layers: the forward pass of a {@link org.xbarsim.nn.net.Network}
 * with its matrix products on the programmed tiles ({@link org.xbarsim.nn.infer.AnalogMultiplier}),
 * the converters calibrated on training data ({@link org.xbarsim.nn.infer.Calibration}), and the
 * evaluation of a classifier ({@link org.xbarsim.nn.infer.Classification}).
 */
package org.xbarsim.nn.infer;
