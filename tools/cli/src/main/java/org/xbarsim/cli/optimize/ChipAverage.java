package org.xbarsim.cli.optimize;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * One candidate's runs on several chips (seeds) merged into one summary whose programming figures are
 * the means: what the search then scores, so that it finds conditions that hold across device
 * populations rather than ones that suit a single chip. Everything else is the first chip's.
 */
public final class ChipAverage {
    /** The programming figures averaged over chips. */
    static final List<String> AVERAGED = List.of("successFraction", "pfail", "meanAbsErrorMicroSiemens",
            "pulseOpsPerRow", "setOpsPerRow", "resetOpsPerRow", "readOpsPerRow", "timeSeconds", "energyJoules");

    private ChipAverage() {
    }

    /**
     * @param summaries one per chip, in seed order
     * @param seeds     the seeds they ran with
     */
    public static JsonObject merge(List<JsonObject> summaries, List<Long> seeds) {
        if (summaries.size() == 1) {
            return summaries.get(0);
        }
        JsonObject merged = summaries.get(0).copy();
        JsonObject programming = merged.getJsonObject("programming");
        for (String key : AVERAGED) {
            double sum = 0;
            boolean present = true;
            for (JsonObject s : summaries) {
                Number v = s.getJsonObject("programming").getNumber(key);
                if (v == null) {
                    present = false;
                    break;
                }
                sum += v.doubleValue();
            }
            if (present) {
                programming.put(key, sum / summaries.size());
            }
        }
        programming.put("chips", summaries.size());
        merged.put("optimize", new JsonObject().put("seeds", new io.vertx.core.json.JsonArray(seeds))
                .put("note", "programming figures are means over the chips of these seeds; the rest is the first's"));
        return merged;
    }
}
