/**
 * The programming-policy extension point: a policy converses with a tile row by row, receiving
 * verify reads and answering with row operations (pulse with a column-enable mask, read, done).
 */
package org.xbarsim.api.programming;
