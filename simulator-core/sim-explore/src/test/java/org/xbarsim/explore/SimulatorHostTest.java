package org.xbarsim.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.engine.Simulator;
import org.xbarsim.engine.bus.Futures;
import org.xbarsim.engine.run.RunListener;
import org.xbarsim.engine.summary.RunSummary;

/** One Vert.x a process: every run on the host's instance, with the results of runs on their own. */
class SimulatorHostTest {
    @TempDir
    Path dir;

    @Test
    void runsShareTheHostsVertxAndGiveWhatRunsOnTheirOwnGive() {
        try (SimulatorHost host = Fixtures.host()) {
            RunSummary shared = host.run(Fixtures.scenario(dir), 2, RunListener.NONE, null);
            Vertx vertx = host.vertx();
            assertTrue(vertx.deploymentIDs().isEmpty(), "a run takes its tiles away");
            RunSummary again = host.run(Fixtures.scenario(dir).with("seed", 1), 1, RunListener.NONE, null);
            assertSame(vertx, host.vertx(), "the same instance for every run");
            Simulator own = new Simulator(host.catalog());
            RunSummary alone = own.run(own.prepare(host.load(Fixtures.scenario(dir))), 2, RunListener.NONE);
            assertEquals(alone.withoutWallClock().toJson(), shared.withoutWallClock().toJson());
            assertEquals(alone.withoutWallClock().toJson(), again.withoutWallClock().toJson());
        }
    }

    @Test
    void aClusteredInstanceIsAdoptedBeforeTheFirstRunOnly() {
        Vertx mine = Vertx.vertx();
        Vertx another = Vertx.vertx();
        try (SimulatorHost host = Fixtures.host()) {
            host.adopt(mine);
            assertSame(mine, host.vertx());
            assertTrue(host.run(Fixtures.scenario(dir), 1, RunListener.NONE, null).programming().weights() > 0);
            assertThrows(IllegalStateException.class, () -> host.adopt(another));
        } finally {
            Futures.await(another.close());
        }
    }
}
