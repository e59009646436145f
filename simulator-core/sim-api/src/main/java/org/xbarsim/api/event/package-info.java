/**
 * Simulation events, generated from {@code src/main/avro/events.avdl}: the records the Vert.x bus
 * carries, traces store and replay reads. One event per row operation, never per device.
 */
package org.xbarsim.api.event;
