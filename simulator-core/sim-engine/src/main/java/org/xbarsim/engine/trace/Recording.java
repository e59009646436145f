package org.xbarsim.engine.trace;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryContext;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.xbarsim.api.event.CompensationRead;
import org.xbarsim.api.event.Evaluated;
import org.xbarsim.api.event.NetworkLoaded;
import org.xbarsim.api.event.ProgrammingEnded;
import org.xbarsim.api.event.Refreshed;
import org.xbarsim.api.event.RowFinished;
import org.xbarsim.api.event.RowResult;
import org.xbarsim.engine.bus.SimulationBus;

/**
 * A run's events recorded as they happen: an outbound interceptor on the event bus hands the row
 * results, finished rows, the end of programming, evaluations and a working life's events that cross
 * it to a sink (a trace file, or the
 * comparison of a replay); shards hand over the row operations their policies answer with (and, at
 * the full level, each row's targets) directly, where they execute them. A row's conversation reaches
 * the sink in its order from the thread that computed the row; the timeline's events in clock order
 * from the timeline's thread.
 *
 * @param level what to record
 * @param sink  where events go; called on several threads, each row's events from one of them
 */
public record Recording(TraceFormat.Level level, Consumer<SpecificRecord> sink) {

    public boolean wantsOperations() {
        return level != TraceFormat.Level.SUMMARY;
    }

    public boolean wantsTargets() {
        return level == TraceFormat.Level.FULL;
    }

    /** Installs the interceptor for one run's addresses; returns it, for {@link #detach}. */
    public Object attach(Vertx vertx, SimulationBus.Addresses run) {
        Handler<DeliveryContext<Object>> interceptor = delivery -> {
            Object body = delivery.message().body();
            if (run.owns(delivery.message().address()) && (body instanceof RowFinished
                    || body instanceof ProgrammingEnded || isTimelineEvent(body)
                    || (wantsOperations() && body instanceof RowResult))) {
                sink.accept((SpecificRecord) body);
            }
            delivery.next();
        };
        vertx.eventBus().addOutboundInterceptor(interceptor);
        return interceptor;
    }

    /** An evaluation or an event of a working life: recorded at every level. */
    private static boolean isTimelineEvent(Object body) {
        return body instanceof Evaluated || body instanceof CompensationRead || body instanceof Refreshed
                || body instanceof NetworkLoaded;
    }

    /** Removes an interceptor {@link #attach} installed. */
    @SuppressWarnings("unchecked")
    public void detach(Vertx vertx, Object interceptor) {
        vertx.eventBus().removeOutboundInterceptor((Handler<DeliveryContext<Object>>) interceptor);
    }
}
