package org.xbarsim.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KernelTest {
    @Test
    void eventsFireByCycleThenPriorityThenSchedulingOrder() {
        Kernel k = new Kernel();
        List<String> fired = new ArrayList<>();
        k.schedule(10, Priority.DELIVER, c -> fired.add("deliver@" + c));
        k.schedule(10, Priority.DRIVE, c -> fired.add("drive@" + c));
        k.schedule(5, Priority.STATS, c -> fired.add("stats@" + c));
        k.schedule(10, Priority.DRIVE, c -> fired.add("drive2@" + c));
        k.schedule(10, Priority.SAMPLE, c -> fired.add("sample@" + c));
        assertEquals(5, k.runUntilIdle());
        assertEquals(List.of("stats@5", "drive@10", "drive2@10", "sample@10", "deliver@10"), fired);
        assertEquals(10, k.now());
    }

    @Test
    void actionsMayScheduleMoreAndTheHeapGrows() {
        Kernel k = new Kernel();
        long[] last = {-1};
        int[] count = {0};
        for (int i = 999; i >= 0; i--) {
            k.schedule(i, Priority.DRIVE, c -> {
                if (c < last[0]) {
                    throw new AssertionError("out of order");
                }
                last[0] = c;
                count[0]++;
            });
        }
        k.schedule(0, Priority.DRIVE, c -> k.schedule(c + 2000, Priority.STATS, d -> count[0]++));
        k.runUntilIdle();
        assertEquals(1001, count[0]);
        assertEquals(2000, k.now());
        assertThrows(IllegalArgumentException.class, () -> k.schedule(1999, Priority.DRIVE, c -> { }));
    }

    @Test
    void runWhileReadyStopsBeforeAnEventThatIsNotReadyAndResumesInOrder() {
        Kernel k = new Kernel();
        List<String> fired = new ArrayList<>();
        boolean[] open = {false};
        Action gated = new Action() {
            @Override
            public void fire(long cycle) {
                fired.add("gated@" + cycle);
            }

            @Override
            public boolean ready() {
                return open[0];
            }
        };
        k.schedule(1, Priority.DRIVE, c -> fired.add("a@" + c));
        k.schedule(5, Priority.START, gated);
        k.schedule(5, Priority.DECIDE, c -> fired.add("b@" + c));
        k.schedule(9, Priority.RELEASE, c -> fired.add("c@" + c));
        assertEquals(1, k.runWhileReady());
        assertEquals(List.of("a@1"), fired);
        assertEquals(3, k.pending());
        assertEquals(1, k.now(), "the clock stays at the last event fired");
        open[0] = true;
        assertEquals(3, k.runWhileReady());
        assertEquals(List.of("a@1", "gated@5", "b@5", "c@9"), fired);
        assertEquals(0, k.pending());
        assertEquals(0, k.runWhileReady());
    }

    @Test
    void releasesComeFirstInACycleAndStatisticsLast() {
        Kernel k = new Kernel();
        List<Priority> fired = new ArrayList<>();
        for (int i = Priority.values().length - 1; i >= 0; i--) {
            Priority p = Priority.values()[i];
            k.schedule(3, p, c -> fired.add(p));
        }
        k.runUntilIdle();
        assertEquals(List.of(Priority.values()), fired);
        assertEquals(Priority.RELEASE, fired.get(0));
        assertEquals(Priority.STATS, fired.get(fired.size() - 1));
    }
}
