/** Closed-loop weight-programming policies of science.md section 4: row-wise and serial. */
package org.xbarsim.plugins.rowwise;
