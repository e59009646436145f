/**
 * Device physics replayed from measured pulse-response curves (science.md section 3, last paragraph):
 * the CSV format, its parser and the device population built on it.
 */
package org.xbarsim.plugins.measured;
