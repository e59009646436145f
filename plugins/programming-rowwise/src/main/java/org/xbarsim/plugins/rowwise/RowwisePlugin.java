package org.xbarsim.plugins.rowwise;

import org.pf4j.Plugin;

/**
 * The programming-rowwise plugin: the reference {@link RowwiseClosedLoop} and {@link SerialClosedLoop}, the
 * baselines {@link OpenLoopPolicy} and {@link MspOnlyClosedLoop}, {@link RetryClosedLoop} and
 * {@link AdaptiveClosedLoop}.
 */
public class RowwisePlugin extends Plugin {
}
