package org.xbarsim.nn.net.train;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.xbarsim.api.random.RandomStream;

/**
 * What the deterministic trainers share: a pool that runs a batch's fixed shards, and the seeded
 * shuffle of the sample order. The shards' results are combined by the caller in shard order, so
 * the pool's size never changes a bit of the result.
 */
public final class Shards {
    private Shards() {
    }

    /** A pool of daemon threads for {@code shards} shards on {@code threads} threads, or null to run them inline. */
    public static ExecutorService pool(int threads, int shards, String name) {
        if (threads <= 1 || shards <= 1) {
            return null;
        }
        return Executors.newFixedThreadPool(Math.min(threads, shards), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs the tasks (inline when {@code pool} is null) and waits for all of them. */
    public static void runAll(ExecutorService pool, List<Callable<Void>> tasks) {
        try {
            if (pool == null) {
                for (Callable<Void> t : tasks) {
                    t.call();
                }
                return;
            }
            for (Future<Void> f : pool.invokeAll(tasks)) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("training step failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException("training step failed", e);
        }
    }

    /** Fisher-Yates from the top, drawing from {@code r}. */
    public static void shuffle(int[] a, RandomStream r) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
