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
}
