/** Filamentary RRAM device physics: bidirectional soft-bounded SET and RESET steps. */
package org.xbarsim.plugins.rram;
