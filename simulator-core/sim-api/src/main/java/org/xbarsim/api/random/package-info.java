/**
 * Named random streams derived from the scenario seed. There is no global generator: every
 * component is handed its own streams, so a run is reproducible on any number of threads.
 */
package org.xbarsim.api.random;
