/**
 * Inference on programmed tiles: each tile answers analog multiply requests on the event bus, and
 * the layers a workload sees add the tiles' partial sums digitally and rescale them to weight units.
 */
package org.xbarsim.engine.infer;
