/**
 * Input files plugins share (NumPy arrays), reading them with a size limit, what a run may read and fetch
 * (FileAccess), and the error type for bad user input.
 */
package org.xbarsim.api.io;
