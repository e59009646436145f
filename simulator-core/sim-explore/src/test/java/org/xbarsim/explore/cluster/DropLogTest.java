package org.xbarsim.explore.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DropLogTest {
    private long now;

    @Test
    void aFloodIsOneLineASecondPerAddressWithTheRestCounted() {
        List<String> lines = new ArrayList<>();
        DropLog log = new DropLog(lines::add, () -> now);
        for (int i = 0; i < 1500; i++) {
            log.dropped("a", "bad\nthing " + i);
            if (i == 0) {
                log.dropped("b", "other"); // another address has its own second
            }
            now += 1_000_000; // a millisecond apart
        }
        assertEquals(List.of("  dropped a message on a: bad thing 0", "  dropped a message on b: other",
                "  dropped a message on a: bad thing 1000 (and 999 more since the last such line)"), lines);
    }
}
