package org.xbarsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.api.event.RowFinished;
import org.xbarsim.cli.Main;
import org.xbarsim.engine.run.RunListener;
import org.xbarsim.engine.summary.RunSummary;
import org.xbarsim.explore.SimulatorHost;
import org.xbarsim.explore.runner.LocalRunner;
import org.xbarsim.explore.runner.PointListener;
import org.xbarsim.explore.runner.PointResult;
import org.xbarsim.explore.scenario.ScenarioSpec;
import org.xbarsim.explore.sweep.SweepPlan;
import org.xbarsim.explore.sweep.SweepResult;

/**
 * The exploration library with the real plugin jars: a chip programmed once and read at several
 * times gives the summaries of separate runs; a sweep tells the whole of a point's wall time; a
 * run tells its listener when inference starts; every file key resolves against the scenario.
 */
class ExploreIT {
    @TempDir
    Path dir;

    /** One host a test (the shared plugin catalog stays open), its Vert.x closed after. */
    private final SimulatorHost host = SimulatorHost.of(Runs.catalog());

    @AfterEach
    void closeHost() {
        host.close();
    }

    /** The character LSTM on a few thousand characters: a network, quickly. */
    private static ScenarioSpec lstm() {
        return ScenarioSpec.read(Path.of("char-lstm.yaml")).with("inference.samples", 2000);
    }

    @Test
    void aChipReadAtSeveralTimesGivesTheSummariesOfSeparateRuns() {
        List<String> times = List.of("1s", "1d", "1y");
        List<RunSummary> once = host.runAtTimes(lstm(), times);
        for (int i = 0; i < times.size(); i++) {
            RunSummary separate = host.run(lstm().with("inference.time", times.get(i)));
            assertEquals(separate.withoutWallClock().toJson(), once.get(i).withoutWallClock().toJson(), times.get(i));
        }
        assertTrue(once.get(2).inference().analogBitsPerChar() > once.get(0).inference().analogBitsPerChar(),
                "a year of drift costs bits");
    }

    @Test
    void aSweepOverInferenceTimeProgramsOneChip() {
        SweepPlan plan = SweepPlan.of(lstm()).grid("inference.time", "1s", "1h", "1y");
        long[] rows = new long[1];
        try (LocalRunner runner = host.localRunner(2)) {
            SweepResult r = plan.run(host.loader(), runner, new PointListener() {
                @Override
                public void rowFinished(RowFinished row) {
                    synchronized (rows) {
                        rows[0]++;
                    }
                }
            });
            assertEquals(3, r.results().size());
            for (PointResult p : r.results()) {
                assertEquals(3, p.chipPoints(), "read from one programmed chip");
            }
            long programmedRows = r.results().get(0).summary().programming().total().rows();
            assertEquals(programmedRows, rows[0], "the rows were programmed once, not three times");
            assertEquals(List.of("1s", "1h", "1y"), r.results().stream().map(p -> p.summary().inference().time())
                    .toList());
        }
    }

    @Test
    void aSweepPrintsEachPointsWholeWallTime() throws IOException {
        // Before: the line gave the summary's run.wallSeconds, programming alone (30.5 s printed against
        // 134 worker-seconds when inference came on top).
        Path out = dir.resolve("sweep");
        StringWriter text = new StringWriter();
        int status = Main.execute(new String[] {"sweep", "char-lstm.yaml", "--grid", "chip.adc.bits=8,10",
            "--set", "inference.samples=2000", "--out", out.toString(), "--quiet", "--workers", "1",
            "--plugins", Runs.pluginDir()}, new PrintWriter(text, true), new PrintWriter(text, true));
        assertEquals(0, status, text::toString);
        Matcher m = Pattern.compile("\\[(\\d)/2] .*\\(wall ([0-9.]+) s\\)").matcher(text.toString());
        int found = 0;
        while (m.find()) {
            int i = Integer.parseInt(m.group(1)) - 1;
            RunSummary s = RunSummary.read(out.resolve("points").resolve(Integer.toString(i)).resolve("summary.json"));
            double printed = Double.parseDouble(m.group(2));
            double parts = s.run().wallSeconds() + s.inference().wallSeconds();
            assertTrue(printed >= parts - 0.01, "printed " + printed + " s, programming and inference took "
                    + parts + " s");
            found++;
        }
        assertEquals(2, found, text::toString);
    }

    @Test
    void aRunSaysWhenInferenceStartsBeforeItsFirstSample() {
        // Before: a listener learnt of inference from its first progress report, after a batch.
        List<String> order = new ArrayList<>();
        host.run(lstm(), 2, new RunListener() {
            @Override
            public void rowFinished(RowFinished row) {
                synchronized (order) {
                    if (order.isEmpty() || !order.get(order.size() - 1).equals("row")) {
                        order.add("row");
                    }
                }
            }

            @Override
            public void inferenceStarted() {
                order.add("started");
            }

            @Override
            public void inferenceProgress(long done, long total) {
                if (!order.get(order.size() - 1).equals("progress")) {
                    order.add("progress");
                }
            }
        }, null);
        assertEquals(List.of("row", "started", "progress"), order);
    }

    @Test
    void aDevicesFileKeyResolvesAgainstTheScenarioLikeAWorkloads() throws IOException {
        // Before: device.curves resolved against the working directory, workload.model against the scenario.
        Path sub = Files.createDirectories(dir.resolve("elsewhere"));
        Files.write(sub.resolve("curves.csv"), exampleCurves());
        Path scenario = sub.resolve("measured.yaml");
        Files.writeString(scenario, """
                chip:
                  tile: {rows: 8, cols: 8}
                device:
                  impl: measured
                  curves: curves.csv
                workload:
                  impl: synthetic
                  rows: 8
                  cols: 8
                """);
        RunSummary s = host.run(ScenarioSpec.read(scenario));
        assertEquals("curves.csv", s.config().get("device.curves"), "the key as written");
        assertEquals(64, s.programming().weights());
    }

    /** The measured plugin's example curves, from its jar in the plugin directory. */
    private static byte[] exampleCurves() throws IOException {
        try (var jars = Files.list(Path.of(Runs.pluginDir()))) {
            Path jar = jars.filter(p -> p.getFileName().toString().startsWith("device-measured")).findFirst()
                    .orElseThrow();
            try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
                var entry = zip.getEntry("org/xbarsim/plugins/measured/example-curves.csv");
                try (var in = zip.getInputStream(entry)) {
                    return in.readAllBytes();
                }
            }
        }
    }
}
