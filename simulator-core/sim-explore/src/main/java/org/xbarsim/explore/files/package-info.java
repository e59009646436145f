/**
 * Result files: written beside their target and renamed into place (a killed command never leaves
 * half a file), read back bounded in size, and the CSV tables sweeps and searches write.
 */
package org.xbarsim.explore.files;
