/**
 * The {@code xbarsim} command line: subcommands, one-line errors with exit status 2 for bad input,
 * progress on a terminal, summary files and plots.
 */
package org.xbarsim.cli;
