package org.xbarsim.engine.life;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * What a chip's working life came to: the summary's {@code lifecycle} section. Everything in it is a
 * deterministic function of the scenario and its seed.
 *
 * @param life           the life the scenario describes
 * @param withoutRefresh the same life without any refresh ({@code lifecycle.refresh.baseline}), or null
 */
public record LifecycleResult(Life life, Life withoutRefresh) {

    /**
     * One life.
     *
     * @param refreshes     whether this life refreshes
     * @param durationSeconds simulated life, after the first programming
     * @param swapSeconds   when a new network was loaded; 0 for never
     * @param requestRate   requests a second
     * @param evaluations   the network evaluated along the life, in time order
     * @param availability  when the network could serve
     * @param energy        where the energy went
     * @param endurance     pulses per device over the life, first programming included
     * @param activities    how often each activity ran
     */
    public record Life(boolean refreshes, double durationSeconds, double swapSeconds, double requestRate,
                       List<Evaluation> evaluations, Availability availability, EnergySplit energy, Endurance endurance,
                       Activities activities) {
        public Life {
            evaluations = List.copyOf(evaluations);
        }

        JsonObject toJson() {
            JsonArray points = new JsonArray();
            evaluations.forEach(e -> points.add(e.toJson()));
            return new JsonObject().put("refreshes", refreshes).put("durationSeconds", durationSeconds)
                    .put("swapSeconds", swapSeconds).put("requestRate", requestRate).put("evaluations", points)
                    .put("availability", availability.toJson()).put("energy", energy.toJson())
                    .put("endurance", endurance.toJson()).put("activities", activities.toJson());
        }
    }

    /**
     * The network evaluated at one moment of its life.
     *
     * @param seconds              time since the end of the first programming
     * @param network              0 for the first network, 1 after a swap
     * @param samples              samples evaluated
     * @param accuracy             classification accuracy through the tiles, or null for a language model
     * @param bitsPerChar          cross-entropy through the tiles, or null for a classifier
     * @param softwareAccuracy     the same network in floating point, or null
     * @param softwareBitsPerChar  the same network in floating point, or null
     * @param energyJoulesPerSample energy of one sample, priced by the cost model at this moment's conductances
     * @param latencySeconds       one sample's time through the chip (its clock)
     * @param samplesPerSecond     the streamed rate the chip can serve
     * @param compensation         each layer's drift-compensation factor in force
     */
    public record Evaluation(double seconds, int network, long samples, Double accuracy, Double bitsPerChar,
                             Double softwareAccuracy, Double softwareBitsPerChar, double energyJoulesPerSample,
                             double latencySeconds, double samplesPerSecond, List<Double> compensation) {
        public Evaluation {
            compensation = List.copyOf(compensation);
        }

        JsonObject toJson() {
            return new JsonObject().put("seconds", seconds).put("network", network).put("samples", samples)
                    .put("accuracy", accuracy).put("bitsPerChar", bitsPerChar).put("softwareAccuracy", softwareAccuracy)
                    .put("softwareBitsPerChar", softwareBitsPerChar).put("energyJoulesPerSample", energyJoulesPerSample)
                    .put("latencySeconds", latencySeconds).put("samplesPerSecond", samplesPerSecond)
                    .put("compensation", new JsonArray(compensation));
        }
    }

    /**
     * When the network could not serve: offline while its tiles were programmed, refreshed or read for
     * drift compensation.
     *
     * @param availability         share of the life the network could serve
     * @param downSeconds          time offline over the life (the first programming is before it)
     * @param firstProgrammingSeconds the first programming
     * @param compensationSeconds  drift-compensation reads, summed
     * @param refreshSeconds       refreshes, summed
     * @param swapSeconds          loading a new network
     * @param requestsMissed       requests that arrived while offline
     */
    public record Availability(double availability, double downSeconds, double firstProgrammingSeconds,
                               double compensationSeconds, double refreshSeconds, double swapSeconds,
                               double requestsMissed) {
        JsonObject toJson() {
            return new JsonObject().put("availability", availability).put("downSeconds", downSeconds)
                    .put("firstProgrammingSeconds", firstProgrammingSeconds)
                    .put("compensationSeconds", compensationSeconds).put("refreshSeconds", refreshSeconds)
                    .put("swapSeconds", swapSeconds).put("requestsMissed", requestsMissed);
        }
    }

    /**
     * Energy over the life, J: serving is the request rate times each evaluation's energy per sample,
     * over the time from it to the next (the first evaluation's back to the start), online time only.
     */
    public record EnergySplit(double servingJoules, double compensationJoules, double refreshJoules,
                              double swapJoules, double firstProgrammingJoules) {
        JsonObject toJson() {
            return new JsonObject().put("servingJoules", servingJoules).put("compensationJoules", compensationJoules)
                    .put("refreshJoules", refreshJoules).put("swapJoules", swapJoules)
                    .put("firstProgrammingJoules", firstProgrammingJoules);
        }
    }

    /**
     * Pulses each device of a programmed cell took over the life (SET and RESET alike), and their
     * histogram: {@code counts[k]} devices took between k and k + 1 times {@code binWidth} pulses.
     */
    public record Endurance(long devices, double meanPulses, long maxPulses, long binWidth, List<Long> counts) {
        public Endurance {
            counts = List.copyOf(counts);
        }

        JsonObject toJson() {
            return new JsonObject().put("devices", devices).put("meanPulses", meanPulses).put("maxPulses", maxPulses)
                    .put("binWidth", binWidth).put("counts", new JsonArray(counts));
        }
    }

    /**
     * How often each activity ran.
     *
     * @param weightsRefreshed weights the refreshes programmed again, summed over them
     */
    public record Activities(long compensations, long refreshes, long weightsRefreshed, long swaps) {
        JsonObject toJson() {
            return new JsonObject().put("compensations", compensations).put("refreshes", refreshes)
                    .put("weightsRefreshed", weightsRefreshed).put("swaps", swaps);
        }
    }

    public JsonObject toJson() {
        JsonObject json = life.toJson();
        if (withoutRefresh != null) {
            json.put("withoutRefresh", withoutRefresh.toJson());
        }
        return json;
    }

    /** The result a summary's {@code lifecycle} section holds ({@link #toJson}'s inverse). */
    public static LifecycleResult fromJson(JsonObject json) {
        JsonObject without = json.getJsonObject("withoutRefresh");
        return new LifecycleResult(LifecycleJson.life(json), without == null ? null : LifecycleJson.life(without));
    }
}
