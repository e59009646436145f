package org.xbarsim.engine.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceTest {
    /** Records grants as "name:units@cycle". */
    private final List<String> grants = new ArrayList<>();

    private Resource.Holder holder(String name) {
        return (r, units, cycle) -> grants.add(name + ":" + units + "@" + cycle);
    }

    @Test
    void grantsAtOnceWhatIsFreeAndQueuesTheRestFirstComeFirstServed() {
        Resource r = new Resource("chip.supply0", ResourceKind.SUPPLY, 10, List.of(0, 1, 2));
        assertTrue(r.shared());
        assertEquals(8, r.request(holder("a"), 8, 8, 0));
        assertEquals(2, r.free());
        // b wants 6 (at least 6): queued; c wants 1 but may not pass b, which came first.
        assertEquals(0, r.request(holder("b"), 6, 6, 5));
        assertEquals(0, r.request(holder("c"), 1, 1, 7));
        assertEquals(2, r.queued());
        r.release(8, 0, 200);
        assertEquals(List.of("b:6@200", "c:1@200"), grants);
        assertEquals(3, r.free());
        ResourceUsage u = r.usage(400);
        assertEquals(3, u.requests());
        assertEquals(2, u.waited());
        assertEquals(195 + 193, u.waitCycles());
        assertEquals(195, u.maxWaitCycles());
        assertEquals(8 * 200, u.busyUnitCycles());
        assertEquals(8 * 200 / (10.0 * 400), u.utilisation(), 1e-15);
        assertEquals(List.of(0, 1, 2), u.tiles());
        assertEquals("chip.supply0", u.name());
        assertEquals(10, u.capacity());
        assertEquals(ResourceKind.SUPPLY, u.kind());
    }

    @Test
    void aRequestThatCanStartSmallTakesWhatIsFreeUpToWhatItWants() {
        Resource r = new Resource("s", ResourceKind.SUPPLY, 10, List.of(0, 1));
        assertEquals(7, r.request(holder("a"), 7, 7, 0));
        assertEquals(3, r.request(holder("b"), 9, 1, 0), "split: starts with the 3 that are free");
        assertEquals(0, r.request(holder("c"), 4, 1, 0), "nothing free: queued");
        r.release(3, 0, 50);
        assertEquals(List.of("c:3@50"), grants);
        r.release(7, 0, 60);
        assertEquals(7, r.free());
    }

    @Test
    void aHeadThatCannotStartHoldsTheQueueUntilEnoughIsFree() {
        Resource r = new Resource("s", ResourceKind.SUPPLY, 10, List.of(0, 1));
        r.request(holder("a"), 6, 6, 0);
        r.request(holder("b"), 4, 4, 0);
        r.request(holder("c"), 8, 8, 1);
        r.request(holder("d"), 1, 1, 2);
        r.release(4, 0, 10);
        assertTrue(grants.isEmpty(), "4 free is not enough for c's 8, and d waits behind it");
        r.release(6, 0, 20);
        assertEquals(List.of("c:8@20", "d:1@20"), grants);
        assertEquals(1, r.free());
    }

    @Test
    void theQueueGrowsPastItsFirstArraysAndKeepsItsOrder() {
        Resource r = new Resource("chip.adcBank0", ResourceKind.ADC_BANK, 1, List.of(0, 1));
        r.request(holder("first"), 1, 1, 0);
        for (int i = 0; i < 20; i++) {
            assertEquals(0, r.request(holder("h" + i), 1, 1, i));
        }
        // Serve a few, then queue more so the ring wraps, then serve everything.
        for (int i = 0; i < 5; i++) {
            r.release(1, i, i + 1);
        }
        for (int i = 20; i < 30; i++) {
            r.request(holder("h" + i), 1, 1, 100);
        }
        for (int i = 5; i < 31; i++) {
            r.release(1, i, 200 + i);
        }
        assertEquals(30, grants.size());
        for (int i = 0; i < 30; i++) {
            assertTrue(grants.get(i).startsWith("h" + i + ":"), grants.toString());
        }
        assertEquals(1, r.free());
        assertEquals(0, r.queued());
    }

    @Test
    void aResourceOfOneTileOnlyCountsItsUses() {
        Resource r = new Resource("chip.controller0", ResourceKind.CONTROLLER, 1, List.of(3));
        assertFalse(r.shared());
        r.book(1, 10);
        r.book(1, 10);
        ResourceUsage u = r.usage(100);
        assertEquals(2, u.requests());
        assertEquals(0, u.waited());
        assertEquals(20, u.busyUnitCycles());
        assertEquals(0.2, u.utilisation(), 1e-15);
        assertEquals(0, r.usage(0).utilisation());
    }

    @Test
    void refusesRequestsItCouldNeverGrant() {
        Resource r = new Resource("s", ResourceKind.SUPPLY, 4, List.of(0, 1));
        assertThrows(IllegalArgumentException.class, () -> r.request(holder("a"), 5, 5, 0));
        assertThrows(IllegalArgumentException.class, () -> r.request(holder("a"), 2, 3, 0));
        assertThrows(IllegalArgumentException.class, () -> r.request(holder("a"), 2, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Resource("x", ResourceKind.SUPPLY, 0, List.of()));
        assertTrue(r.toString().contains("4/4 free"));
    }
}
