package org.xbarsim.engine.life;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** A {@link LifecycleResult}'s records read back from the JSON they write. */
final class LifecycleJson {
    private LifecycleJson() {
    }

    static LifecycleResult.Life life(JsonObject j) {
        List<LifecycleResult.Evaluation> evaluations = new ArrayList<>();
        for (Object o : j.getJsonArray("evaluations")) {
            evaluations.add(evaluation((JsonObject) o));
        }
        JsonObject a = j.getJsonObject("availability");
        JsonObject e = j.getJsonObject("energy");
        JsonObject n = j.getJsonObject("endurance");
        JsonObject c = j.getJsonObject("activities");
        return new LifecycleResult.Life(j.getBoolean("refreshes"), j.getDouble("durationSeconds"),
                j.getDouble("swapSeconds"), j.getDouble("requestRate"), evaluations,
                new LifecycleResult.Availability(a.getDouble("availability"), a.getDouble("downSeconds"),
                        a.getDouble("firstProgrammingSeconds"), a.getDouble("compensationSeconds"),
                        a.getDouble("refreshSeconds"), a.getDouble("swapSeconds"), a.getDouble("requestsMissed")),
                new LifecycleResult.EnergySplit(e.getDouble("servingJoules"), e.getDouble("compensationJoules"),
                        e.getDouble("refreshJoules"), e.getDouble("swapJoules"), e.getDouble("firstProgrammingJoules")),
                new LifecycleResult.Endurance(n.getLong("devices"), n.getDouble("meanPulses"), n.getLong("maxPulses"),
                        n.getLong("binWidth"), longs(n.getJsonArray("counts"))),
                new LifecycleResult.Activities(c.getLong("compensations"), c.getLong("refreshes"),
                        c.getLong("weightsRefreshed"), c.getLong("swaps")));
    }

    private static LifecycleResult.Evaluation evaluation(JsonObject j) {
        List<Double> compensation = new ArrayList<>();
        for (Object o : j.getJsonArray("compensation")) {
            compensation.add(((Number) o).doubleValue());
        }
        return new LifecycleResult.Evaluation(j.getDouble("seconds"), j.getInteger("network"), j.getLong("samples"),
                j.getDouble("accuracy"), j.getDouble("bitsPerChar"), j.getDouble("softwareAccuracy"),
                j.getDouble("softwareBitsPerChar"), j.getDouble("energyJoulesPerSample"), j.getDouble("latencySeconds"),
                j.getDouble("samplesPerSecond"), compensation);
    }

    private static List<Long> longs(JsonArray a) {
        List<Long> out = new ArrayList<>();
        for (Object o : a) {
            out.add(((Number) o).longValue());
        }
        return out;
    }
}
