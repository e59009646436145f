package org.xbarsim.engine.summary;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A record component whose numbers describe how a figure was drawn, not a result to optimise or
 * tabulate (the error histogram's bin layout): {@link SummaryMetrics} leaves it out.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface NotAMetric {
}
