/**
 * What a run will hold in memory, estimated from the scenario before anything large is allocated, so
 * a run that cannot fit the heap is refused in one line instead of ending in an OutOfMemoryError: the
 * bytes a device plugin keeps per device (probed), and the run's estimate and its check.
 */
package org.xbarsim.engine.footprint;
