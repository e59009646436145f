package org.xbarsim.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.xbarsim.engine.Simulator;
import org.xbarsim.engine.plugin.PluginCatalog;
import org.xbarsim.engine.run.TileJob;
import org.xbarsim.engine.scenario.Scenario;
import org.xbarsim.engine.trace.TraceFormat;

/** The header of a trace: what a replay needs to run the same scenario again and to check it. */
final class Traces {
    private Traces() {
    }

    static Map<String, String> metadata(Scenario s, Simulator.Prepared prepared, PluginCatalog catalog,
                                        TraceFormat.Level level) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(TraceFormat.VERSION, Simulator.VERSION);
        m.put(TraceFormat.SCHEMA_VERSION, TraceFormat.EVENT_SCHEMA_VERSION);
        m.put(TraceFormat.LEVEL, level.id());
        m.put(TraceFormat.SCENARIO, s.effectiveText());
        m.put(TraceFormat.SCENARIO_SOURCE, s.source());
        m.put(TraceFormat.SCENARIO_DIR, s.baseDir().toString());
        m.put(TraceFormat.SEED, Long.toString(s.seed()));
        m.put(TraceFormat.PLUGINS, new JsonObject()
                .put("device", s.device().id() + " " + catalog.originOf(s.device()))
                .put("programming", s.policy().id() + " " + catalog.originOf(s.policy()))
                .put("workload", s.workload().id() + " " + catalog.originOf(s.workload())).encode());
        JsonArray tiles = new JsonArray();
        for (TileJob j : prepared.jobs()) {
            tiles.add(new JsonObject().put("tile", j.tile()).put("layer", j.layer()).put("layerName", j.layerName())
                    .put("rowOffset", j.rowOffset()).put("colOffset", j.colOffset()).put("rows", j.rows())
                    .put("cols", j.cols()).put("weightClip", j.weightClip()));
        }
        m.put(TraceFormat.TILES, tiles.encode());
        return m;
    }
}
