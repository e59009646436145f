package org.xbarsim.engine.bus;

import io.vertx.core.Future;
import java.util.concurrent.ExecutionException;

/** Waiting for a Vert.x future from a thread that is not an event loop (the run's own thread). */
public final class Futures {
    private Futures() {
    }

    /** The future's value; its failure rethrown as it was when it is unchecked. */
    public static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
