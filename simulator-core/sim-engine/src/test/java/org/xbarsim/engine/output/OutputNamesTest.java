package org.xbarsim.engine.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputNamesTest {
    @Test
    void namesFromInputStayOneDirectoryUnderTheRoot() {
        Path root = Path.of("runs");
        List<String> hostile = List.of("../../../../elsewhere", "/etc", "a/../../b", "..", ".", "", "~/x", "a\\..\\b",
                "a\nb", "\u0000", "C:\\x", ".hidden", "x".repeat(10_000), "naïve", "a b");
        for (String name : hostile) {
            Path p = OutputNames.under(root, name);
            assertEquals(root, p.getParent(), name);
            String n = p.getFileName().toString();
            assertTrue(n.matches("[A-Za-z0-9_+.-]{1,100}") && !n.startsWith("."), name + " -> " + n);
        }
        assertEquals("tile-rowwise-on-rram", OutputNames.safe("tile-rowwise-on-rram"), "plain names are kept");
        assertEquals("_.._elsewhere", OutputNames.safe("../../elsewhere"));
        assertEquals("unnamed", OutputNames.safe(".."));
        assertEquals("a_b", OutputNames.safe("a/b"));
    }
}
