package org.xbarsim.engine.trace;

import io.vertx.core.Vertx;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.xbarsim.api.event.RowFinished;
import org.xbarsim.api.event.RowOp;
import org.xbarsim.api.event.RowResult;
import org.xbarsim.api.event.RowTargets;

/**
 * A run's events recorded as they cross the event bus: an outbound interceptor hands every event of
 * the chosen level to a sink (a trace file, or the comparison of a replay). Tiles publish their row
 * operations (and, at the full level, their targets) only while a recording wants them.
 *
 * @param level what to record
 * @param sink  where events go; called on event-loop threads, one tile's events in that tile's order
 */
public record Recording(TraceFormat.Level level, Consumer<SpecificRecord> sink) {

    public boolean wantsOperations() {
        return level != TraceFormat.Level.SUMMARY;
    }

    public boolean wantsTargets() {
        return level == TraceFormat.Level.FULL;
    }

    /** Installs the interceptor on a run's Vert.x instance. */
    public void attach(Vertx vertx) {
        vertx.eventBus().addOutboundInterceptor(delivery -> {
            Object body = delivery.message().body();
            if (body instanceof RowFinished
                    || (wantsOperations() && (body instanceof RowOp || body instanceof RowResult))
                    || (wantsTargets() && body instanceof RowTargets)) {
                sink.accept((SpecificRecord) body);
            }
            delivery.next();
        });
    }
}
