package org.xbarsim.engine.summary;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A record component whose own fields stand in the enclosing JSON object rather than under a key of
 * their own: a layer is {@code {"layer": 0, "name": ..., "weights": ..., "pfail": ...}}, the outcome
 * fields beside the layer's, as summary.json has always written them, and its metric paths are
 * {@code programming.pfail}, not {@code programming.total.pfail}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Inline {
}
