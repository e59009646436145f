/**
 * Weight-programming policies of science.md section 4: the row-wise closed loop and its serial form, the
 * open-loop and msp-only baselines, and two refinements (retries of overshot columns, adaptive strength).
 */
package org.xbarsim.plugins.rowwise;
