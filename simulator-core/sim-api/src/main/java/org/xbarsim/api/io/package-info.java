/** Input files plugins share (NumPy arrays) and the error type for bad user input. */
package org.xbarsim.api.io;
