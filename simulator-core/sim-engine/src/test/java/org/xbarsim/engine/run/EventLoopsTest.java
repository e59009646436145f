package org.xbarsim.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.xbarsim.api.io.InputError;

/** One check of a thread or worker count for every option: 1..1024, or the default when none was given. */
class EventLoopsTest {
    @Test
    void countsOutsideOneTo1024AreRefusedOnTheirOption() {
        assertEquals(1, EventLoops.check("--threads", 1, 8));
        assertEquals(1024, EventLoops.check("--threads", 1024, 8));
        assertEquals(8, EventLoops.check("--threads", null, 8));
        for (int bad : new int[] {0, -1, 1025}) {
            InputError e = assertThrows(InputError.class, () -> EventLoops.check("--workers", bad, 8));
            assertEquals(true, e.getMessage().contains("--workers") && e.getMessage().contains("expected 1..1024, got "
                    + bad), e.getMessage());
        }
    }
}
