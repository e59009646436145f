package org.xbarsim.plugins.rowwise;

import org.pf4j.Plugin;

/** The programming-rowwise plugin: {@link RowwiseClosedLoop} and {@link SerialClosedLoop}. */
public class RowwisePlugin extends Plugin {
}
