/** The discrete-event kernel: integer cycles, named same-cycle priorities, deterministic order. */
package org.xbarsim.engine.kernel;
