package org.xbarsim.engine.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProcessMemoryTest {
    @Test
    void thePeakResidentSetIsAtLeastWhatTheHeapHasInUse() {
        long peak = ProcessMemory.peakResidentBytes();
        if (!Files.exists(Path.of("/proc/self/status"))) {
            assertTrue(peak == -1, "unknown off Linux");
            return;
        }
        // Touch 64 MB so the peak has something to show beyond the JVM's own.
        byte[] block = new byte[64 << 20];
        for (int i = 0; i < block.length; i += 4096) {
            block[i] = 1;
        }
        long after = ProcessMemory.peakResidentBytes();
        assertTrue(after >= 64L << 20, "peak " + after);
        assertTrue(after >= peak, "a peak never falls");
        assertTrue(after < Runtime.getRuntime().maxMemory() + (1L << 30), "in bytes, not kB or pages: " + after);
        assertTrue(block[4096] == 1);
    }
}
