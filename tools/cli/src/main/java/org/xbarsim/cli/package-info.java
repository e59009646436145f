/**
 * The {@code xbarsim} command line: subcommands, one-line errors with exit status 2 for bad input,
 * progress on a terminal, summary files and plots; sweeps on a local worker pool or on the workers of
 * a clustered event bus (SweepCoordinator hands out points, WorkerCommand runs them).
 */
package org.xbarsim.cli;
