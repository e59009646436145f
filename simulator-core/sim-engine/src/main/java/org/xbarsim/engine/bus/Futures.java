package org.xbarsim.engine.bus;

import io.vertx.core.Future;
import java.util.concurrent.ExecutionException;

/** Waiting for a future (Vert.x's, or a pool's) from a thread that is not an event loop. */
public final class Futures {
    private Futures() {
    }

    /** The future's value; its failure rethrown as it was when it is unchecked. */
    public static <T> T await(Future<T> future) {
        return get(future.toCompletionStage().toCompletableFuture());
    }

    /** The value of a plain future (a task of an executor); its failure rethrown as it was when unchecked. */
    public static <T> T get(java.util.concurrent.Future<T> future) {
        try {
            return future.get();
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
