/**
 * Cost models: {@code cited}, every number a parameter whose description names its source, and
 * {@code table}, a user's own energies and areas per action read from a file.
 */
package org.xbarsim.plugins.cost;
