package org.xbarsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbarsim.api.event.RowFinished;
import org.xbarsim.api.event.RowOp;
import org.xbarsim.api.event.RowResult;
import org.xbarsim.api.event.RowTargets;
import org.xbarsim.cli.Main;
import org.xbarsim.engine.trace.Trace;
import org.xbarsim.engine.trace.TraceFormat;
import org.xbarsim.engine.trace.TraceWriter;

/**
 * Traces end to end through the command line with the real plugin jars: record, replay, inspect,
 * and what happens to files that are doctored, cut short, damaged, from a newer xbarsim, or from a
 * run killed with SIGKILL.
 */
class TraceIT {
    private static final String PLUGINS = System.getProperty("xbarsim.plugins", "../tools/cli/target/xbarsim/plugins");
    /** Several small tiles (16x32 weights on 8x16 tiles: 4 tiles of 8 rows), so tiles interleave in the file. */
    private static final String[] SEVERAL_TILES = {"--set", "chip.tile.rows=8", "--set", "chip.tile.cols=16",
            "--set", "workload.rows=16", "--set", "workload.cols=32"};

    @TempDir
    Path dir;

    private record Outcome(int status, String out, String err) {
    }

    private static Outcome cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        if (!args[0].equals("inspect")) {
            all.addAll(List.of("--plugins", PLUGINS));
        }
        int status = Main.execute(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(status, out.toString(), err.toString().strip());
    }

    /** Records tile-rowwise with the given extra options; returns the trace. */
    private Path record(String name, String... extra) {
        Path trace = dir.resolve(name + ".avro");
        List<String> args = new ArrayList<>(List.of("run", "tile-rowwise.yaml", "--out", dir.resolve(name).toString(),
                "--force", "--quiet", "--record", trace.toString()));
        args.addAll(List.of(extra));
        Outcome o = cli(args.toArray(String[]::new));
        assertEquals(0, o.status(), o.err());
        assertTrue(Files.isRegularFile(trace));
        return trace;
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = new String[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static void assertOneLineError(Outcome o, String... mustContain) {
        assertEquals(2, o.status(), "status; stderr: " + o.err() + "; stdout: " + o.out());
        assertFalse(o.err().isEmpty(), "an error line");
        assertFalse(o.err().contains("\n"), "one line: " + o.err());
        assertFalse(o.err().contains("\tat ") || o.err().contains("java."), "no stack trace: " + o.err());
        for (String s : mustContain) {
            assertTrue(o.err().contains(s), "'" + s + "' in: " + o.err());
        }
    }

    private static Map<String, Long> counts(Trace t) {
        Map<String, Long> c = new LinkedHashMap<>();
        for (SpecificRecord e : t.events()) {
            c.merge(e.getSchema().getName(), 1L, Long::sum);
        }
        return c;
    }

    /** A copy of a trace, through TraceWriter, with its header and events altered. */
    private static void rewrite(Path from, Path to, UnaryOperator<Map<String, String>> header,
                                UnaryOperator<List<SpecificRecord>> events) {
        Trace t = Trace.read(from);
        try (TraceWriter w = new TraceWriter(to, header.apply(new LinkedHashMap<>(t.metadata())))) {
            for (SpecificRecord e : events.apply(new ArrayList<>(t.events()))) {
                w.record(e);
            }
        }
    }

    // ---- record and replay ----

    @ParameterizedTest
    @ValueSource(strings = {"summary", "row", "full"})
    void recordThenReplayIsIdenticalAtEachLevel(String level) {
        Path trace = record("t-" + level, concat(SEVERAL_TILES, "--trace-level", level, "--threads", "2"));
        Trace t = Trace.read(trace);
        assertTrue(t.complete());
        assertEquals(level, t.metadata().get(TraceFormat.LEVEL));
        Map<String, Long> c = counts(t);
        assertEquals(32L, c.get("RowFinished"), c.toString()); // 2 column blocks x 16 rows
        assertEquals(level.equals("summary"), !c.containsKey("RowOp"), c.toString());
        assertEquals(level.equals("full"), c.containsKey("RowTargets"), c.toString());
        assertEquals(1L, c.get("ProgrammingEnded"), c.toString());
        assertEquals(4, t.events().stream().filter(e -> e instanceof RowFinished)
                .map(e -> ((RowFinished) e).getTile()).distinct().count(), "tiles");

        Outcome o = cli("replay", trace.toString());
        assertEquals(0, o.status(), o.out() + o.err());
        assertTrue(o.out().contains("identical"), o.out());
        assertTrue(o.out().contains("4 tiles"), o.out());
    }

    @Test
    void aTraceRecordedOnTwoThreadsReplaysIdenticallyOnOne() {
        Path trace = record("t2", concat(SEVERAL_TILES, "--threads", "2"));
        Outcome o = cli("replay", trace.toString(), "--threads", "1");
        assertEquals(0, o.status(), o.out() + o.err());
        assertTrue(o.out().startsWith("identical"), o.out());
    }

    @Test
    void aDoctoredRowResultDiverges() {
        Path good = record("good", SEVERAL_TILES);
        Trace t = Trace.read(good);
        // The tenth RowResult that carries ADC codes: change its first code.
        int victim = -1;
        int seen = 0;
        for (int i = 0; i < t.events().size(); i++) {
            if (t.events().get(i) instanceof RowResult r && r.getCodes().remaining() > 0 && ++seen == 10) {
                victim = i;
                break;
            }
        }
        assertTrue(victim >= 0, "a RowResult with codes");
        RowResult original = (RowResult) t.events().get(victim);
        int tile = original.getTile();
        int row = original.getRow();
        int index = -1;
        // Rows are the unit of order: the event's place in its row's conversation.
        List<SpecificRecord> ofRow = t.byStream().get(Trace.rowStream(tile, row));
        for (int i = 0; i < ofRow.size(); i++) {
            if (ofRow.get(i) == original) {
                index = i;
            }
        }
        assertTrue(index >= 0);

        Path bad = dir.resolve("doctored.avro");
        final int at = victim;
        rewrite(good, bad, h -> h, events -> {
            ByteBuffer codes = original.getCodes().duplicate();
            byte[] b = new byte[codes.remaining()];
            codes.get(b);
            b[0] ^= 0x01;
            events.set(at, RowResult.newBuilder(original).setCodes(ByteBuffer.wrap(b)).build());
            return events;
        });
        assertTrue(Trace.read(bad).complete());

        Outcome o = cli("replay", bad.toString());
        assertEquals(1, o.status(), o.out() + o.err());
        assertTrue(o.out().contains("diverged at tile " + tile + " row " + row + ", event " + index + " "), o.out());
        assertTrue(o.out().contains("RowResult"), o.out());
        assertTrue(o.out().contains("field codes"), o.out());
    }

    // ---- a run killed midway ----

    @Test
    void aRunKilledWithSigkillLeavesAnIncompleteButReadableTrace() throws Exception {
        Path dist = Path.of(PLUGINS).toAbsolutePath().getParent();
        Path trace = dir.resolve("killed.avro");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", dist.resolve("lib") + "/*",
                "-Dxbarsim.plugins=" + dist.resolve("plugins"), "org.xbarsim.cli.Main", "run",
                Path.of("matrix-1024.yaml").toAbsolutePath().toString(), "--record", trace.toString(),
                "--out", dir.resolve("killed").toString(), "--quiet");
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve("killed.log").toFile());
        Process p = pb.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!(Files.exists(trace) && Files.size(trace) > 2_000_000)) {
                if (!p.isAlive()) {
                    fail("the run ended before its trace reached 2 MB (status " + p.exitValue() + "): "
                            + Files.readString(dir.resolve("killed.log")));
                }
                if (System.nanoTime() > deadline) {
                    fail("the trace did not reach 2 MB in 120 s");
                }
                Thread.sleep(20);
            }
        } finally {
            p.destroyForcibly(); // SIGKILL: no shutdown hooks, no close of the trace
            p.waitFor(30, TimeUnit.SECONDS);
        }
        assertFalse(p.isAlive());
        assertEquals(137, p.exitValue(), "killed by SIGKILL (128 + 9)");

        Outcome o = cli("inspect", trace.toString());
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("incomplete: read up to its last complete block"), o.out());
        Matcher m = Pattern.compile("events: ([0-9,]+) \\(RowOp ([0-9,]+), RowResult ([0-9,]+)").matcher(o.out());
        assertTrue(m.find(), o.out());
        assertTrue(Long.parseLong(m.group(1).replace(",", "")) > 0, o.out());
        assertTrue(Long.parseLong(m.group(2).replace(",", "")) > 0, o.out());
        assertTrue(Long.parseLong(m.group(3).replace(",", "")) > 0, o.out());
        Trace t = Trace.read(trace);
        assertFalse(t.complete());
        assertFalse(t.events().isEmpty());

        assertOneLineError(cli("replay", trace.toString()), "cut short");
    }

    // ---- damaged, foreign and newer files ----

    @Test
    void aTraceCutInTheMiddleOfABlockIsReadableAndIncomplete() throws IOException {
        Path good = record("cut", "--set", "workload.rows=16");
        byte[] bytes = Files.readAllBytes(good);
        assertTrue(bytes.length > 300_000, "several 64 KiB blocks: " + bytes.length);
        Trace whole = Trace.read(good);
        Path half = dir.resolve("half.avro");
        Files.write(half, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        Trace t = Trace.read(half);
        assertFalse(t.complete());
        assertFalse(t.events().isEmpty());
        assertTrue(t.events().size() < whole.events().size());
        // What it holds is a prefix of the whole.
        for (int i = 0; i < t.events().size(); i++) {
            assertEquals(whole.events().get(i), t.events().get(i), "event " + i);
        }
        Outcome o = cli("inspect", half.toString());
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("incomplete"), o.out());
        assertOneLineError(cli("replay", half.toString()), half.toString(), "cut short");
    }

    @Test
    void aTraceCutInsideItsHeaderIsRefused() throws IOException {
        Path good = record("hdr", "--set", "workload.rows=4");
        byte[] bytes = Files.readAllBytes(good);
        for (int n : new int[] {0, 3, 100, 1000}) {
            Path cut = dir.resolve("cut" + n + ".avro");
            Files.write(cut, java.util.Arrays.copyOf(bytes, n));
            assertOneLineError(cli("inspect", cut.toString()), cut.toString());
            assertOneLineError(cli("replay", cut.toString()), cut.toString());
        }
    }

    @Test
    void aDamagedMagicIsRefused() throws IOException {
        Path good = record("magic", "--set", "workload.rows=4");
        byte[] bytes = Files.readAllBytes(good);
        bytes[0] ^= (byte) 0xff;
        bytes[2] ^= (byte) 0x55;
        Path bad = dir.resolve("magic-damaged.avro");
        Files.write(bad, bytes);
        assertOneLineError(cli("inspect", bad.toString()), bad.toString(), "expected an xbarsim trace");
        assertOneLineError(cli("replay", bad.toString()), bad.toString(), "expected an xbarsim trace");
    }

    @Test
    void aFileThatIsNotATraceIsRefused() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.avro"), "name: not a trace\nseed: 1\n");
        assertOneLineError(cli("inspect", text.toString()), text.toString(), "expected an xbarsim trace");
        assertOneLineError(cli("replay", text.toString()), text.toString(), "expected an xbarsim trace");
        Path missing = dir.resolve("missing.avro");
        assertOneLineError(cli("inspect", missing.toString()), missing.toString(), "no such file");
        assertOneLineError(cli("replay", missing.toString()), missing.toString(), "no such file");
        Path directory = Files.createDirectories(dir.resolve("a-directory"));
        assertOneLineError(cli("inspect", directory.toString()), directory.toString());
    }

    @Test
    void aTraceFromANewerEventSchemaIsRefusedNamingTheVersion() {
        Path good = record("newer", "--set", "workload.rows=4");
        Path newer = dir.resolve("v99.avro");
        rewrite(good, newer, h -> {
            h.put(TraceFormat.SCHEMA_VERSION, "99");
            return h;
        }, e -> e);
        assertOneLineError(cli("inspect", newer.toString()), newer.toString(), "99", TraceFormat.SCHEMA_VERSION);
        assertOneLineError(cli("replay", newer.toString()), newer.toString(), "99");
    }

    @Test
    void aTraceNamingAnUnknownDevicePluginIsRefusedOnReplay() {
        Path good = record("nosuch", "--set", "workload.rows=4");
        Path bad = dir.resolve("nosuch-device.avro");
        rewrite(good, bad, h -> {
            String text = h.get(TraceFormat.SCENARIO);
            assertTrue(text.contains("device.impl: pcm"), text);
            h.put(TraceFormat.SCENARIO, text.replace("device.impl: pcm", "device.impl: nosuch"));
            return h;
        }, e -> e);
        assertEquals(0, cli("inspect", bad.toString()).status(), "inspect needs no plugins");
        assertOneLineError(cli("replay", bad.toString()), "device.impl", "nosuch");
    }

    @Test
    void replayOptionsThatOnlyAnotherDeviceUsesAreRefusedOnAnExactReplay() {
        Path good = record("options", "--set", "workload.rows=4");
        assertOneLineError(cli("replay", good.toString(), "--seed", "2"), "--seed", "--device");
        assertOneLineError(cli("replay", good.toString(), "--set", "device.c2c=0.1"), "--set", "--device");
        assertOneLineError(cli("replay", good.toString(), "--threads", "0"), "--threads", "1..1024");
    }

    // ---- schema evolution ----

    @Test
    void aGoldenTraceOfSchemaVersion2ReplaysIdentically() {
        Path golden = Path.of("traces/golden-v2.avro");
        Trace t = Trace.read(golden);
        assertTrue(t.complete());
        assertEquals("2", t.metadata().get(TraceFormat.SCHEMA_VERSION));
        assertEquals("full", t.metadata().get(TraceFormat.LEVEL));
        Map<String, Long> c = counts(t);
        assertEquals(4L, c.get("RowFinished"));
        assertEquals(4L, c.get("RowTargets"));
        assertEquals(1L, c.get("ProgrammingEnded"));
        assertEquals(c.get("RowOp"), c.get("RowResult"));
        long events = t.events().size();

        Outcome o = cli("replay", golden.toString());
        assertEquals(0, o.status(), o.out() + o.err());
        assertTrue(o.out().startsWith("identical (" + events + " events"), o.out());
    }

    @Test
    void aGoldenTraceOfSchemaVersion1StaysReadableButIsNotReplayed() {
        Path golden = Path.of("traces/golden-v1.avro");
        Trace t = Trace.read(golden);
        assertTrue(t.complete());
        assertEquals("1", t.metadata().get(TraceFormat.SCHEMA_VERSION));
        assertEquals("full", t.metadata().get(TraceFormat.LEVEL));
        Map<String, Long> c = counts(t);
        assertEquals(Map.of("RowOp", 241L, "RowResult", 241L, "RowFinished", 4L, "RowTargets", 4L), c);
        for (SpecificRecord e : t.events()) {
            assertNotNull(e);
            if (e instanceof RowTargets r) {
                assertEquals(64, r.getColumns());
            }
        }
        assertTrue(t.events().stream().anyMatch(e -> e instanceof RowOp));
        assertTrue(t.events().stream().anyMatch(e -> e instanceof RowFinished));
        // Version 1 results carried the tile's clock under the name the row's clock now has (an alias).
        assertTrue(t.events().stream().anyMatch(e -> e instanceof RowResult r && r.getRowCycle() > 0));

        Outcome inspect = cli("inspect", golden.toString());
        assertEquals(0, inspect.status(), inspect.err());
        assertTrue(inspect.out().contains("event schema 1"), inspect.out());
        assertTrue(inspect.out().contains("simulated time: not recorded"), inspect.out());
        // Its random streams were per tile: no run of this version reproduces it, and replay says so.
        assertOneLineError(cli("replay", golden.toString()), golden.toString(), TraceFormat.SCHEMA_VERSION,
                "expected event schema version 2 to replay, got 1");
        assertOneLineError(cli("replay", golden.toString(), "--device", "rram"), "version 2 to replay, got 1");
    }

    // ---- inspect ----

    @Test
    void inspectExportsOneCsvPerEventType() throws IOException {
        Path trace = record("csv", concat(SEVERAL_TILES, "--trace-level", "full"));
        Trace t = Trace.read(trace);
        Map<String, Long> c = counts(t);
        long targets = t.events().stream().filter(e -> e instanceof RowTargets)
                .mapToLong(e -> ((RowTargets) e).getColumns()).sum();

        Path out = dir.resolve("csv-out");
        Outcome o = cli("inspect", trace.toString(), "--export", "csv", out.toString());
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("complete (ends with its end marker)"), o.out());
        assertTrue(o.out().contains("tiles: 4 of 8x16"), o.out());
        assertTrue(o.out().contains("RowFinished 32"), o.out());
        assertTrue(o.out().contains("at 1GHz, on the chip's timeline"), o.out());
        assertTrue(o.out().contains("per row (32 rows): SET mean"), o.out());

        assertEquals(1 + c.get("RowFinished"), lines(out.resolve("rows.csv")));
        assertEquals(1 + c.get("RowOp"), lines(out.resolve("ops.csv")));
        assertEquals(1 + c.get("RowResult"), lines(out.resolve("results.csv")));
        assertEquals(1 + targets, lines(out.resolve("targets.csv")));
        assertEquals(16L * 32, targets, "a target per weight");
        assertEquals("event,tile,row,cycle,timeSeconds,cycles,weights,succeeded,setOps,resetOps,readOps,"
                + "energyPicojoules,sumAbsErrorMicroSiemens,waitCycles", Files.readAllLines(out.resolve("rows.csv")).get(0));
        assertEquals("event,tile,row,kind,strength,width,enabledDevices,enableMask,readColumns,readMask",
                Files.readAllLines(out.resolve("ops.csv")).get(0));
        everyFieldOfTheEventsIsExported(t, out);

        // Existing CSVs are kept unless --force.
        assertOneLineError(cli("inspect", trace.toString(), "--export", "csv", out.toString()), "rows.csv", "--force");
        assertEquals(0, cli("inspect", trace.toString(), "--export", "csv", out.toString(), "--force").status());
        assertEquals(1 + c.get("RowFinished"), lines(out.resolve("rows.csv")));
        assertOneLineError(cli("inspect", trace.toString(), "--export", "json", out.toString()), "csv");
    }

    /**
     * The ADC codes of every verify read, the masks of every row operation and each result's time are
     * in the CSVs, and the README documents every column (before: no codes, masks or times, no columns
     * documented).
     */
    private static void everyFieldOfTheEventsIsExported(Trace t, Path out) throws IOException {
        List<String> results = Files.readAllLines(out.resolve("results.csv"));
        assertEquals("event,tile,row,rowCycle,rowSeconds,operations,convertedColumns,convertedMask,lowMicroSiemens,"
                + "lsbMicroSiemens,codes", results.get(0));
        List<RowResult> recorded = t.events().stream().filter(e -> e instanceof RowResult).map(e -> (RowResult) e)
                .toList();
        for (int i = 0; i < recorded.size(); i++) {
            RowResult r = recorded.get(i);
            String[] cells = results.get(i + 1).split(",", -1);
            assertEquals(Long.toString(r.getRowCycle()), cells[3]);
            assertEquals(r.getRowCycle() / 1e9, Double.parseDouble(cells[4]), 1e-18, "1GHz clock");
            java.nio.ByteBuffer codes = r.getCodes().duplicate().order(java.nio.ByteOrder.LITTLE_ENDIAN);
            String[] written = cells[10].isEmpty() ? new String[0] : cells[10].split(" ");
            assertEquals(codes.remaining() / 2, written.length, "one code per column");
            for (int c = 0; c < written.length; c++) {
                assertEquals(codes.getShort(codes.position() + 2 * c) & 0xffff, Integer.parseInt(written[c]));
            }
        }
        RowOp op = t.events().stream().filter(e -> e instanceof RowOp).map(e -> (RowOp) e).findFirst().orElseThrow();
        String[] first = Files.readAllLines(out.resolve("ops.csv")).get(1).split(",", -1);
        byte[] enable = new byte[op.getEnable().remaining()];
        op.getEnable().duplicate().get(enable);
        assertEquals(java.util.HexFormat.of().formatHex(enable), first[7]);
        String readme = Files.readString(Path.of("../README.md"));
        for (String csv : List.of("rows.csv", "ops.csv", "results.csv", "targets.csv")) {
            for (String column : Files.readAllLines(out.resolve(csv)).get(0).split(",")) {
                assertTrue(readme.contains("`" + column + "`"), "README documents " + csv + " column " + column);
            }
        }
    }

    private static long lines(Path f) throws IOException {
        try (var s = Files.lines(f)) {
            return s.count();
        }
    }
}
