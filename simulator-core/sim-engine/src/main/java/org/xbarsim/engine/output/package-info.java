/**
 * Where results go: a result directory or file is claimed by the process that writes it (so two
 * commands never write one result at once), named safely when a name comes from input (a scenario's
 * {@code name:}, a trace's recorded scenario), and written atomically (beside, then renamed).
 */
package org.xbarsim.engine.output;
