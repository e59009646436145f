package org.xbarsim.engine.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.api.io.InputError;
import org.xbarsim.engine.fixtures.Summaries;
import org.xbarsim.engine.summary.RunSummary.HostRun;
import org.xbarsim.engine.summary.RunSummary.Inference;
import org.xbarsim.engine.summary.RunSummary.LayerOutcome;
import org.xbarsim.engine.summary.RunSummary.Outcome;
import org.xbarsim.engine.summary.RunSummary.Programming;
import org.xbarsim.engine.summary.RunSummary.TileOutcome;

/** summary.json as the typed tree: written, read back, versioned, refused in one line when wrong. */
class RunSummaryTest {
    private static final Path FORMAT1 = Path.of("src/test/resources/summaries");

    static RunSummary sample(Inference inference) {
        Outcome total = new Outcome(512, 32, 0.98828125, 0.01171875, 0.3, 62.5, 58.5, 4, 59.25, 4742, 4.742e-6,
                2.379e-11);
        Outcome half = new Outcome(256, 16, 0.98, 0.02, 0.31, 60, 56, 4, 58, 4000, 4e-6, 1.2e-11);
        Map<String, String> config = new LinkedHashMap<>();
        config.put("name", "s");
        config.put("chip.adc.bits", "10");
        return new RunSummary(RunSummary.FORMAT, "0.1.0", new RunSummary.ScenarioRef("s", "s.yaml", 7),
                Map.of("device", "pcm (built-in)"), config, null,
                new Programming(total, null, new RunSummary.Histogram(-3.6, 0.18, List.of(1L, 2L, 3L), 4, 5, 0.9),
                        List.of(new LayerOutcome(0, "matrix", 4.5, total)),
                        List.of(new TileOutcome(half, 0, 0, 0, 0), new TileOutcome(half, 1, 0, 16, 0)),
                        List.of(new RunSummary.ResourceUse("chip.adcBank0", "adcBank", List.of(0, 1), 1, 64, 12,
                                3e-7, 4.6875e-9, 5e-8, 0.4))),
                inference, null, new HostRun(0.42, 1234, 0.12, Double.NaN, 1219.0, 2, 3, 1L << 30, 8.5), null);
    }

    @Test
    void aSummaryReadsBackAsTheSameRecords() {
        RunSummary s = sample(Summaries.inference("1h", 100, 0.98, 0.97, null, null, 1.1e-6, 9.3e-8, 1.5));
        RunSummary back = RunSummary.fromJson(s.toJson(), "s.json");
        // NaN is written as null and read as null for a boxed field: the one change a round trip makes.
        assertEquals(new HostRun(0.42, 1234, 0.12, null, 1219.0, 2, 3, 1L << 30, 8.5), back.run());
        assertEquals(s.programming(), back.programming());
        assertEquals(s.inference(), back.inference());
        assertEquals(s.config(), back.config());
        assertEquals(List.copyOf(s.config().keySet()), List.copyOf(back.config().keySet()), "key order is kept");
        assertEquals(s.toJson(), back.toJson());
    }

    @Test
    void theFileKeepsItsLayoutOutcomeFieldsBesideALayersOwn() {
        JsonObject json = new JsonObject(sample(null).toJson());
        assertEquals(2, json.getInteger("format"));
        JsonObject layer = json.getJsonObject("programming").getJsonArray("layers").getJsonObject(0);
        assertEquals(List.of("layer", "name", "weightClip", "weights", "rows", "successFraction", "pfail",
                "meanAbsErrorMicroSiemens", "pulseOpsPerRow", "setOpsPerRow", "resetOpsPerRow", "readOpsPerRow",
                "cycles", "timeSeconds", "energyJoules"), List.copyOf(layer.fieldNames()));
        assertEquals(0.01171875, json.getJsonObject("programming").getDouble("pfail"));
        assertFalse(json.containsKey("inference"), "a weight-only run has no inference section");
        assertFalse(json.containsKey("chips"));
        assertTrue(json.getJsonObject("run").containsKey("pauseShare"), "a scalar that is not known is null");
        assertNull(json.getJsonObject("run").getValue("pauseShare"));
    }

    @Test
    void summariesOfFormatOneStillRead() throws IOException {
        RunSummary mlp = RunSummary.read(FORMAT1.resolve("format1-mnist-mlp.summary.json"));
        assertEquals(1, mlp.format());
        assertEquals(200, mlp.inference().samples());
        assertEquals(0.99, mlp.inference().analogAccuracy());
        assertNull(mlp.inference().analogBitsPerChar());
        assertEquals(3, mlp.programming().layers().size());
        assertEquals("1s", mlp.inference().time());
        // The golden files of format 1 left the host's fields out altogether.
        RunSummary golden = RunSummary.read(FORMAT1.resolve("format1-tile-rowwise.summary.json"));
        assertEquals(65536, golden.programming().weights());
        assertNull(golden.run().wallSeconds());
        assertEquals(15809, golden.run().busEvents());
        String text = Files.readString(FORMAT1.resolve("format1-tile-rowwise.summary.json"));
        assertEquals(new JsonObject(text).getJsonObject("programming").getDouble("pfail"),
                golden.programming().pfail());
    }

    @Test
    void aNewerFormatIsRefusedInOneLine() {
        String text = sample(null).toJson().replace("\"format\" : 2", "\"format\" : 3");
        InputError e = assertThrows(InputError.class, () -> RunSummary.fromJson(text, "new.json"));
        assertEquals("new.json: format: expected a summary of format 1..2 (what this xbarsim reads), got 3: "
                + "written by a newer xbarsim", e.getMessage());
    }

    @Test
    void aFieldOfTheWrongKindOrMissingIsNamedByItsPath() {
        String text = sample(null).toJson();
        InputError wrong = assertThrows(InputError.class, () -> RunSummary.fromJson(
                text.replaceFirst("\"pfail\" : [0-9.E-]+", "\"pfail\" : \"low\""), "a.json"));
        assertEquals("a.json: programming.pfail: expected a number, got 'low'", wrong.getMessage());
        JsonObject json = new JsonObject(text);
        json.getJsonObject("programming").getJsonArray("tiles").getJsonObject(1).remove("weights");
        InputError missing = assertThrows(InputError.class, () -> RunSummary.fromJson(json.encode(), "b.json"));
        assertEquals("b.json: programming.tiles[1].weights: expected a number, found no such field",
                missing.getMessage());
        InputError notJson = assertThrows(InputError.class, () -> RunSummary.fromJson("{\"format\": ", "c.json"));
        assertTrue(notJson.getMessage().startsWith("c.json: expected a JSON object"), notJson.getMessage());
        assertFalse(notJson.getMessage().contains("\n"));
        InputError fraction = assertThrows(InputError.class, () -> RunSummary.fromJson(
                text.replace("\"weights\" : 512", "\"weights\" : 512.5"), "d.json"));
        assertEquals("d.json: programming.weights: expected a whole number, got 512.5", fraction.getMessage());
    }

    @Test
    void metricsAreTheNumbersOfTheSectionsByTheirPathInTheFile() {
        assertTrue(SummaryMetrics.PATHS.containsAll(List.of("programming.pfail", "programming.timeSeconds",
                "programming.energyJoules", "inference.analogAccuracy", "inference.analogBitsPerChar",
                "run.wallSeconds", "run.busEvents")), SummaryMetrics.PATHS::toString);
        assertFalse(SummaryMetrics.PATHS.stream().anyMatch(p -> p.contains("errorHistogram")
                || p.startsWith("scenario.") || p.startsWith("chips.") || p.contains("layers")));
        RunSummary s = sample(null);
        assertEquals(0.01171875, s.metric("programming.pfail"));
        assertEquals(512.0, s.metric("programming.weights"));
        assertNull(s.metric("inference.analogAccuracy"), "no inference section");
        assertNull(s.metric("run.pauseShare"), "not finite");
        assertEquals(SummaryMetrics.PATHS, List.copyOf(SummaryMetrics.values(s).keySet()));
        assertThrows(IllegalArgumentException.class, () -> s.metric("programming.nope"));
    }

    @Test
    void withoutWallClockKeepsWhatIsDeterministic(@TempDir Path dir) {
        RunSummary s = sample(Summaries.inference("1s", 10, 0.9, 0.8, null, null, 1e-6, 1e-7, 2.5));
        RunSummary d = s.withoutWallClock();
        assertNull(d.run().wallSeconds());
        assertNull(d.run().threads());
        assertNull(d.run().timelineBufferedRows());
        assertNull(d.run().peakResidentBytes());
        assertNull(d.run().residentBytesPerDevice());
        assertEquals(1234, d.run().busEvents());
        assertNull(d.inference().wallSeconds());
        assertEquals(s.programming(), d.programming());
        assertEquals(d, RunSummary.fromJson(d.toJson(), "d"));
    }

    @Test
    void handWrittenFilesReadWhereTheyMeanTheSame() {
        JsonObject json = new JsonObject(sample(null).toJson());
        json.getJsonObject("config").put("chip.adc.bits", 10);
        json.getJsonObject("programming").put("weights", 512.0);
        RunSummary s = RunSummary.fromJson(json.encode(), "h.json");
        assertEquals("10", s.config().get("chip.adc.bits"), "a bare number is the same text");
        assertEquals(512, s.programming().weights(), "a whole number written with a point");
        json.getJsonObject("programming").put("weights", 1e16);
        InputError big = assertThrows(InputError.class, () -> RunSummary.fromJson(json.encode(), "h.json"));
        assertTrue(big.getMessage().contains("programming.weights: expected a whole number"), big.getMessage());
        json.getJsonObject("programming").put("weights", 512);
        json.put("format", 0);
        assertThrows(InputError.class, () -> RunSummary.fromJson(json.encode(), "h.json"));
        json.put("format", 1);
        json.put("plugins", new JsonObject().put("device", new JsonObject()));
        InputError object = assertThrows(InputError.class, () -> RunSummary.fromJson(json.encode(), "h.json"));
        assertEquals("h.json: plugins.device: expected a string, got an object", object.getMessage());
    }

    /** Any record tree reads and writes as a summary does. */
    record Sample(String name, List<Long> counts, Map<String, Double> values, Double missing) {
    }

    @Test
    void anyRecordTreeRoundTrips() {
        Sample s = new Sample("x", List.of(1L, 2L), Map.of("a", 0.5), null);
        String text = RecordJson.text(s);
        assertTrue(text.endsWith("}\n") && text.contains("\"missing\" : null"), text);
        assertEquals(s, RecordJson.read(Sample.class, text, "s"));
        InputError e = assertThrows(InputError.class, () -> RecordJson.read(Sample.class,
                "{\"name\": \"x\", \"counts\": [1, null]}", "s"));
        assertEquals("s: counts[1]: expected a value, got null", e.getMessage());
    }
}
