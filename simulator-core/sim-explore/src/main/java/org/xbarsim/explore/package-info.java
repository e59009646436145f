/**
 * The exploration library: what the {@code xbarsim} command line does, as a Java API for any program
 * (a JShell session, a notebook kernel, a script). {@link org.xbarsim.explore.SimulatorHost} holds the
 * plugins and runs scenarios; {@code scenario} varies them; {@code runner} runs points (a local pool,
 * a cluster); {@code sweep}, {@code search} and {@code report} build on them; {@code metric} names the
 * numbers of a summary; {@code files} writes results.
 */
package org.xbarsim.explore;
