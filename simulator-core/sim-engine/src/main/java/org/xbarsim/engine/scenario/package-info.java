/**
 * Scenario files: YAML mirroring the hardware tree, {@code impl:} and {@code preset:} binding
 * plugins, {@code --set} overrides, and validation that names the file, line and key path.
 */
package org.xbarsim.engine.scenario;
