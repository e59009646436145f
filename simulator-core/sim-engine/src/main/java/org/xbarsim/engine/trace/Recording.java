package org.xbarsim.engine.trace;

import io.vertx.core.Vertx;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.xbarsim.api.event.RowFinished;
import org.xbarsim.api.event.RowResult;

/**
 * A run's events recorded as they happen: an outbound interceptor on the event bus hands the row
 * results and finished rows that cross it to a sink (a trace file, or the comparison of a replay);
 * tiles hand over the row operations their policies answer with (and, at the full level, each row's
 * targets) directly, at the point where they execute them, so a tile's events reach the sink in the
 * tile's order.
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
            if (body instanceof RowFinished || (wantsOperations() && body instanceof RowResult)) {
                sink.accept((SpecificRecord) body);
            }
            delivery.next();
        });
    }
}
