package org.xbarsim.engine.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the process holds in memory, as the operating system counts it (Linux; elsewhere unknown). */
final class ProcessMemory {
    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessMemory() {
    }

    /**
     * The process's peak resident set so far (VmHWM), in bytes, or -1 when the system does not say:
     * everything the run made (devices, targets, buffers) plus the JVM, its heap's free room included.
     */
    static long peakResidentBytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmHWM:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
