/**
 * Traces: a run's simulation events in an Avro object container file, with the scenario, seed and
 * plugins in its header, written block by block so a killed run leaves a readable file; read back as
 * a stream, inspected, exported as CSV, and fingerprinted for an exact replay's comparison.
 */
package org.xbarsim.engine.trace;
