/** The workload extension point: which weight matrices a run programs. */
package org.xbarsim.api.workload;
