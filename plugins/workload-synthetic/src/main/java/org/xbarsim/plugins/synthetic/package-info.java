/** Synthetic weight matrices and .npy import. */
package org.xbarsim.plugins.synthetic;
