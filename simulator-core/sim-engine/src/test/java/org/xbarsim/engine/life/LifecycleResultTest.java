package org.xbarsim.engine.life;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lifecycle section written and read back, told in lines, drawn. */
class LifecycleResultTest {
    @TempDir
    Path dir;

    /** Whether a file created here comes out readable by others (the umask allows it). */
    private boolean umaskAllowsReading() throws java.io.IOException {
        Path probe = java.nio.file.Files.writeString(dir.resolve("probe"), "x");
        return java.nio.file.Files.getPosixFilePermissions(probe).contains(
                java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
    }

    static LifecycleResult.Life life(boolean refreshes, double accuracyAtEnd) {
        List<LifecycleResult.Evaluation> e = List.of(
                new LifecycleResult.Evaluation(60, 0, 2000, 0.974, null, 0.975, null, 9.2e-8, 1.095e-6, 2.7e6,
                        List.of(1.0, 1.0)),
                new LifecycleResult.Evaluation(365.25 * 86400, 1, 2000, accuracyAtEnd, null, 0.975, null, 9.3e-8,
                        1.095e-6, 2.7e6, List.of(1.5, 1.6)));
        return new LifecycleResult.Life(refreshes, 365.25 * 86400, 182.625 * 86400, 1000, e,
                new LifecycleResult.Availability(0.99999999, 0.207, 0.0043, 0.0103, 0.192, 0.0043, 207),
                new LifecycleResult.EnergySplit(2920, 1.2e-4, 9.2e-4, 7.9e-5, 7.9e-5),
                new LifecycleResult.Endurance(914000, 56.1, 1841, 93, List.of(900000L, 13000L, 1000L)),
                new LifecycleResult.Activities(364, refreshes ? 52 : 0, refreshes ? 6733305 : 0, 1));
    }

    @Test
    void theSectionReadsBackAsItWasWritten() {
        LifecycleResult r = new LifecycleResult(life(true, 0.973), life(false, 0.9735));
        assertEquals(r, LifecycleResult.fromJson(r.toJson()));
        assertEquals(r, LifecycleResult.fromJson(new io.vertx.core.json.JsonObject(r.toJson().encode())));
        LifecycleResult alone = new LifecycleResult(life(true, 0.973), null);
        assertEquals(alone, LifecycleResult.fromJson(alone.toJson()));
        assertTrue(!alone.toJson().containsKey("withoutRefresh"));
    }

    @Test
    void aLifeIsToldInFourLines() {
        List<String> lines = LifecycleText.lines(new LifecycleResult(life(true, 0.973), life(false, 0.9735)));
        assertEquals(List.of(
                "  working life of 1.00 y: accuracy 97.40% at 1.00 min, accuracy 97.30% at 1.00 y (without refresh: "
                        + "accuracy 97.35%)",
                "  available 99.9999990%: offline 207 ms (refreshes 192 ms, compensation reads 10.3 ms, new network "
                        + "4.30 ms); 207 requests missed",
                "  energy: serving 2.92 kJ, compensation 120 uJ, refreshes 920 uJ, new network 79.0 uJ",
                "  pulses per device: mean 56.1, max 1,841 (without refresh: mean 56.1, max 1,841)"), lines);
        assertEquals("3.00 ns", LifecycleText.time(3e-9));
        assertEquals("2.00 h", LifecycleText.time(7200));
        assertEquals("5.00 nJ", LifecycleText.joules(5e-9));
        assertEquals("1.50 J", LifecycleText.joules(1.5));
    }

    /** Two plots of 1000 x 580 pixels, readable by others: accuracy against time, pulses per device. */
    @Test
    void theLifeIsDrawn() throws Exception {
        List<Path> files = LifecyclePlots.write("test", new LifecycleResult(life(true, 0.973), life(false, 0.9735)),
                dir);
        assertEquals(List.of(dir.resolve("accuracy-vs-time.png"), dir.resolve("endurance.png")), files);
        for (Path f : files) {
            assertTrue(java.nio.file.Files.getPosixFilePermissions(f).contains(
                    java.nio.file.attribute.PosixFilePermission.OTHERS_READ) || !umaskAllowsReading(), f.toString());
            BufferedImage image = ImageIO.read(f.toFile());
            assertEquals(1000, image.getWidth());
            assertEquals(580, image.getHeight());
        }
        assertEquals(3, LifecyclePlots.accuracyChart("t", new LifecycleResult(life(true, 0.97), life(false, 0.97)))
                .getSeriesCollection().size(), "two lives and floating point");
        assertEquals(1, LifecyclePlots.enduranceChart("t", new LifecycleResult(life(true, 0.97), null))
                .getSeriesCollection().size());
    }
}
