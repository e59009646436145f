package org.xbarsim.plugins.measured;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV format of measured curves: what it accepts, and a {@code file:line: expected} error for each fault. */
class MeasuredCurvesTest {

    static MeasuredCurves parse(String text) throws IOException {
        return MeasuredCurves.parse("c.csv", new StringReader(text));
    }

    static String failure(String text) {
        return assertThrows(IllegalArgumentException.class, () -> parse(text)).getMessage();
    }

    @Test
    void parsesDevicesInFileOrderWithCommentsBlankLinesAndSpaces() throws IOException {
        MeasuredCurves c = parse("""
                \uFEFF# a comment before the header
                device, pulse, conductance_uS

                # devices of any name, any number of points >= 3
                dev-A,0,0.10
                dev-A,1,1.5
                dev-A , 2 , 2.25
                B,0,0
                B,1,1e-1
                B,2,3
                B,3,4.5
                """);
        assertEquals(2, c.devices());
        assertEquals("dev-A", c.name(0));
        assertEquals("B", c.name(1));
        assertEquals(3, c.points(0));
        assertEquals(4, c.points(1));
        assertArrayEquals(new int[]{0, 3, 7}, c.start());
        assertArrayEquals(new double[]{0.10, 1.5, 2.25, 0, 0.1, 3, 4.5}, c.raw(), 0.0);
        assertEquals("c.csv", c.source());
    }

    @Test
    void monotoneIsTheRunningMaximumOfEachCurveSeparately() throws IOException {
        MeasuredCurves c = parse("device,pulse,conductance_uS\na,0,0\na,1,2\na,2,1\na,3,3\na,4,2.5\n"
                + "b,0,5\nb,1,0.5\nb,2,6\n");
        assertArrayEquals(new double[]{0, 2, 1, 3, 2.5, 5, 0.5, 6}, c.raw(), 0.0);
        // A dip is read as the device staying put; the maximum does not carry over from curve a to b.
        assertArrayEquals(new double[]{0, 2, 2, 3, 3, 5, 5, 6}, c.monotone(), 0.0);
    }

    @Test
    void missingHeader() {
        assertEquals("c.csv:2: expected the header device,pulse,conductance_uS, got 'a,0,0.1'",
                failure("# comment\na,0,0.1\na,1,0.2\n"));
        assertEquals("c.csv:1: expected the header device,pulse,conductance_uS, got 'device,pulse,G'",
                failure("device,pulse,G\n"));
    }

    @Test
    void emptyFile() {
        assertEquals("c.csv:1: expected the header device,pulse,conductance_uS, got the end of the file",
                failure(""));
        assertTrue(failure("# only\n# comments\n").startsWith("c.csv:2: expected the header"));
    }

    @Test
    void nonNumericFields() {
        assertEquals("c.csv:3: expected a conductance in uS, got '1.2uS'",
                failure("device,pulse,conductance_uS\na,0,0.1\na,1,1.2uS\n"));
        assertEquals("c.csv:3: expected a whole pulse number, got '1.5'",
                failure("device,pulse,conductance_uS\na,0,0.1\na,1.5,1.2\n"));
        assertEquals("c.csv:2: expected a device name in the first field, got an empty field",
                failure("device,pulse,conductance_uS\n,0,0.1\n"));
    }

    @Test
    void negativeOrNonFiniteConductance() {
        assertEquals("c.csv:4: expected a finite conductance >= 0 uS, got -0.5",
                failure("device,pulse,conductance_uS\na,0,0.1\na,1,1\na,2,-0.5\n"));
        assertEquals("c.csv:2: expected a finite conductance >= 0 uS, got NaN",
                failure("device,pulse,conductance_uS\na,0,NaN\n"));
        assertEquals("c.csv:2: expected a finite conductance >= 0 uS, got Infinity",
                failure("device,pulse,conductance_uS\na,0,Infinity\n"));
    }

    @Test
    void wrongNumberOfFields() {
        assertEquals("c.csv:2: expected 3 comma-separated fields device,pulse,conductance_uS, got 2 in 'a,0'",
                failure("device,pulse,conductance_uS\na,0\n"));
        assertTrue(failure("device,pulse,conductance_uS\na,0,1,2\n").startsWith("c.csv:2: expected 3 comma"));
    }

    @Test
    void tooFewDevices() {
        assertEquals("c.csv:5: expected at least 2 measured devices, got 1",
                failure("device,pulse,conductance_uS\na,0,0.1\na,1,1\na,2,2\n# end\n"));
        assertEquals("c.csv:1: expected at least 2 measured devices, got 0", failure("device,pulse,conductance_uS\n"));
    }

    @Test
    void tooFewPulsesNamesTheDevicesFirstLine() {
        // First device short: reported when the next device starts, at the short device's first row.
        assertEquals("c.csv:2: expected at least 3 points (pulses 0, 1, 2) for device 'a', got 2",
                failure("device,pulse,conductance_uS\na,0,0.1\na,1,1\nb,0,0.1\nb,1,1\nb,2,2\n"));
        // Last device short: reported at the end of the file.
        assertEquals("c.csv:5: expected at least 3 points (pulses 0, 1, 2) for device 'b', got 1",
                failure("device,pulse,conductance_uS\na,0,0.1\na,1,1\na,2,2\nb,0,0.1\n"));
    }

    @Test
    void pulsesRunFromZeroInOrder() {
        assertEquals("c.csv:2: expected pulse 0 of device 'a' (a device's pulses run 0, 1, 2, ... in order), got pulse 1",
                failure("device,pulse,conductance_uS\na,1,0.1\n"));
        assertTrue(failure("device,pulse,conductance_uS\na,0,0.1\na,2,1\n")
                .startsWith("c.csv:3: expected pulse 1 of device 'a'"));
    }

    @Test
    void aDevicesRowsAreTogether() {
        assertEquals("c.csv:8: expected the rows of device 'a' together, got 'a' again after other devices",
                failure("device,pulse,conductance_uS\na,0,0\na,1,1\na,2,2\nb,0,0\nb,1,1\nb,2,2\na,3,3\n"));
    }

    @Test
    void aFileThatDoesNotExist(@TempDir Path dir) {
        Path missing = dir.resolve("nothere.csv");
        String m = assertThrows(IllegalArgumentException.class, () -> MeasuredCurves.read(missing)).getMessage();
        assertEquals(missing + ": expected a CSV file of measured curves (device,pulse,conductance_uS), got no such file",
                m);
        String d = assertThrows(IllegalArgumentException.class, () -> MeasuredCurves.read(dir)).getMessage();
        assertTrue(d.endsWith("got a directory"), d);
    }

    @Test
    void readsAFileAndNamesItInErrors(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("good.csv");
        Files.writeString(good, "device,pulse,conductance_uS\na,0,0\na,1,1\na,2,2\nb,0,0\nb,1,2\nb,2,4\n",
                StandardCharsets.UTF_8);
        MeasuredCurves c = MeasuredCurves.read(good);
        assertEquals(2, c.devices());
        assertEquals(good.toString(), c.source());
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "device,pulse,conductance_uS\na,0,-1\n", StandardCharsets.UTF_8);
        String m = assertThrows(IllegalArgumentException.class, () -> MeasuredCurves.read(bad)).getMessage();
        assertEquals(bad + ":2: expected a finite conductance >= 0 uS, got -1", m);
    }
}
