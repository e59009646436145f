package org.xbarsim.plugins.measured;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The shipped example is exactly the stated formula's output (so it is what its label says:
 * synthetic), both copies agree, and its curves have the shape the README promises.
 */
class ExampleCurvesTest {

    @Test
    void theJarResourceIsTheGeneratorsOutput() throws IOException {
        try (InputStream in = MeasuredCurves.class.getResourceAsStream(MeasuredDeviceModel.EXAMPLE_RESOURCE)) {
            assertEquals(ExampleCurves.text(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theExamplesCopyIsTheGeneratorsOutput() throws IOException {
        assertEquals(ExampleCurves.text(), Files.readString(Path.of("examples/example-curves.csv")));
    }

    @Test
    void itIsLabelledSyntheticInItsFirstLine() {
        assertTrue(ExampleCurves.text().startsWith("# SYNTHETIC EXAMPLE DATA - NOT A MEASUREMENT."));
    }

    @Test
    void sixteenStrictlyRisingSaturatingCurvesFromAbout0To25uS() {
        MeasuredCurves c = MeasuredCurves.resource(MeasuredDeviceModel.EXAMPLE_RESOURCE);
        assertEquals(ExampleCurves.DEVICES, c.devices());
        double[] g = c.raw();
        int[] start = c.start();
        double lastSum = 0;
        for (int d = 0; d < c.devices(); d++) {
            assertEquals(ExampleCurves.PULSES, c.points(d));
            double firstStep = g[start[d] + 1] - g[start[d]];
            for (int j = start[d] + 1; j < start[d + 1]; j++) {
                double step = g[j] - g[j - 1];
                assertTrue(step > 0, "strictly rising, so replay is exact: device " + d + " point " + (j - start[d]));
                assertTrue(step <= firstStep + 1e-4, "saturating: no step larger than the first");
            }
            assertTrue(g[start[d]] > 0.05 && g[start[d]] < 0.2, "reset state near 0.1 uS");
            double last = g[start[d + 1] - 1];
            assertTrue(last > 15 && last < 35, "device " + d + " ends at " + last);
            lastSum += last;
        }
        double meanLast = lastSum / c.devices();
        assertTrue(meanLast > 20 && meanLast < 27, "mean last point " + meanLast);
    }
}
