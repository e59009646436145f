/**
 * What a run came to: {@link org.xbarsim.engine.summary.RunSummary}, the typed tree behind
 * {@code summary.json}, its JSON reading and writing, the metric paths sweeps and searches use, and
 * the builder that adds a run's tile statistics up to it. Apart from {@code stats} (the counters
 * tiles bump while they run) so that runs and statistics do not depend on each other.
 */
package org.xbarsim.engine.summary;
