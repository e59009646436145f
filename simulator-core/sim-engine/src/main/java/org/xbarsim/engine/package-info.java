/**
 * The xbarsim engine. {@link org.xbarsim.engine.Simulator} is its entry point: a loaded scenario in,
 * a {@link org.xbarsim.engine.summary.RunSummary} out. Subpackages: the kernel, the event-bus bridge,
 * hardware blocks, scenario loading, runs, statistics, summaries, traces, replays and the plugin
 * catalog.
 */
package org.xbarsim.engine;
