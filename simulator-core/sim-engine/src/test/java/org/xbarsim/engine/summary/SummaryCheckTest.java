package org.xbarsim.engine.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.engine.fixtures.TinyRuns;
import org.xbarsim.engine.scenario.Scenario;

/**
 * A summary from elsewhere is recorded only if it reads as a {@link RunSummary}, fits its ranges and is
 * the summary of its point. The real summary of a tiny run passes; each forgery or damage below is refused, naming a field.
 */
class SummaryCheckTest {
    @TempDir
    static Path dir;
    private static JsonObject real;
    private static SummaryCheck.Expected expected;

    @BeforeAll
    static void run() throws IOException {
        // A budget of 3 pulses leaves weights unfinished: success below 100%, so a forged 100% shows.
        Scenario s = TinyRuns.scenario(dir, "programming.budget=3");
        real = TinyRuns.summary(s);
        expected = new SummaryCheck.Expected(s.name(), s.seed(), s.effective());
    }

    private static JsonObject p(JsonObject s) {
        return s.getJsonObject("programming");
    }

    @Test
    void aRealSummaryFitsAndSurvivesTheWire() {
        SummaryCheck.read(real, expected);
        // As a worker's answer arrives: encoded and decoded (whole doubles may come back as 0.0, ints as ints).
        SummaryCheck.read(new JsonObject(real.encode()), expected);
        assertEquals(96, p(real).getLong("weights"));
        assertTrue(p(real).getDouble("successFraction") < 0.9, "weights left unfinished");
    }

    @Test
    void everyForgeryOrDamageIsRefusedNamingAField() {
        Map<String, Consumer<JsonObject>> attacks = new LinkedHashMap<>();
        attacks.put("empty", s -> s.clear());
        attacks.put("no programming", s -> s.remove("programming"));
        attacks.put("success 100% forged", s -> p(s).put("successFraction", 1.0).put("pfail", 0.0));
        attacks.put("pfail not 1 - success", s -> p(s).put("pfail", 0.5));
        attacks.put("success above 1", s -> p(s).put("successFraction", 1.5).put("pfail", -0.5));
        attacks.put("weights negative", s -> p(s).put("weights", -96));
        attacks.put("weights a fraction", s -> p(s).put("weights", 96.5));
        attacks.put("weights text", s -> p(s).put("weights", "96"));
        attacks.put("weights more than the parts", s -> p(s).put("weights", 97));
        attacks.put("histogram not adding up", s -> p(s).getJsonObject("errorHistogram").put("below", 5));
        attacks.put("histogram count negative", s -> p(s).getJsonObject("errorHistogram").getJsonArray("counts")
                .set(0, -1));
        attacks.put("histogram huge", s -> p(s).getJsonObject("errorHistogram").put("counts",
                new JsonArray(new ArrayList<>(java.util.Collections.nCopies(100_000, 0)))));
        attacks.put("bin width zero", s -> p(s).getJsonObject("errorHistogram").put("binWidthMicroSiemens", 0.0));
        attacks.put("time NaN", s -> p(s).put("timeSeconds", Double.NaN));
        attacks.put("energy negative", s -> p(s).put("energyJoules", -1.0));
        attacks.put("energy infinite", s -> p(s).put("energyJoules", Double.POSITIVE_INFINITY));
        attacks.put("tiles missing", s -> p(s).remove("tiles"));
        attacks.put("a tile not an object", s -> p(s).getJsonArray("tiles").set(0, 7));
        attacks.put("layers not adding up", s -> p(s).getJsonArray("layers").getJsonObject(0).put("weights", 1));
        attacks.put("another seed", s -> s.getJsonObject("scenario").put("seed", 4));
        attacks.put("another name", s -> s.getJsonObject("scenario").put("name", "other"));
        attacks.put("another configuration", s -> s.getJsonObject("config").put("programming.budget", "1"));
        attacks.put("a key more in config", s -> s.getJsonObject("config").put("extra", "x"));
        attacks.put("plugins not text", s -> s.getJsonObject("plugins").put("device", new JsonArray()));
        attacks.put("threads zero", s -> s.getJsonObject("run").put("threads", 0));
        attacks.put("run missing", s -> s.remove("run"));
        attacks.put("bus share above 1", s -> s.getJsonObject("run").put("busShare", 2.0));
        attacks.put("inference accuracy above 1", s -> s.put("inference", new JsonObject().put("samples", 10)
                .put("analogAccuracy", 1.2).put("timeSecondsPerSample", 1e-6).put("energyJoulesPerSample", 1e-9)
                .put("wallSeconds", 0.1)));
        attacks.put("inference not an object", s -> s.put("inference", "x"));
        int tried = 0;
        List<String> unclean = new ArrayList<>();
        for (var a : attacks.entrySet()) {
            tried++;
            JsonObject s = real.copy();
            a.getValue().accept(s);
            try {
                SummaryCheck.read(s, expected);
                unclean.add(a.getKey() + ": accepted");
            } catch (SummaryCheck.Problem e) {
                if (e.getMessage().isBlank() || e.getMessage().contains("\n")) {
                    unclean.add(a.getKey() + ": " + e.getMessage());
                }
            }
        }
        System.out.printf("SummaryCheckTest: %d tried, %d clean%n", tried, tried - unclean.size());
        assertEquals(List.of(), unclean);
        assertEquals(29, tried);
    }

    @Test
    void theProblemNamesTheField() {
        JsonObject s = real.copy();
        p(s).put("pfail", 0.9);
        SummaryCheck.Problem e = assertThrows(SummaryCheck.Problem.class, () -> SummaryCheck.read(s, expected));
        assertTrue(e.getMessage().startsWith("programming.pfail: expected 1 - successFraction"), e.getMessage());
    }
}
