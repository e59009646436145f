/** Progress on the terminal: a run's rows then its inference, and a sweep's or a search's points. */
package org.xbarsim.cli.progress;
