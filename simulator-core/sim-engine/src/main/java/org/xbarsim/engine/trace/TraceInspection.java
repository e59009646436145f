package org.xbarsim.engine.trace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.apache.avro.specific.SpecificRecord;
import org.xbarsim.api.event.ProgrammingEnded;
import org.xbarsim.api.event.RowFinished;
import org.xbarsim.api.param.Quantity;

/**
 * What a trace holds, read as a stream without running anything: its header, whether it is complete,
 * its events by type, the simulated programming time (the chip timeline's end, recorded from event
 * schema 2 on) and per-row operation statistics. A trace cut short (a killed run) is read up to its last complete block.
 *
 * @param header       the header, every field validated before any event is read
 * @param counts       events by type, the row events first
 * @param endCycle     the cycle at which programming ended on the chip's timeline (ProgrammingEnded);
 *                     null when not recorded (schema 1, or a run cut short)
 * @param clockHertz   the chip clock of the recorded scenario, or null when it cannot be read
 * @param setOps       SET operations per finished row
 * @param resetOps     RESET operations per finished row
 * @param readOps      verify reads per finished row
 */
public record TraceInspection(TraceHeader header, Map<String, String> metadata, boolean complete, long events, Map<String, Long> counts,
                              Long endCycle, Double clockHertz, long finishedRows, Spread setOps,
                              Spread resetOps, Spread readOps) {
    /** The spread of a count over rows; null where no row finished. */
    public record Spread(double mean, int min, int max) {
        static Spread of(List<RowFinished> rows, ToIntFunction<RowFinished> f) {
            if (rows.isEmpty()) {
                return null;
            }
            long sum = 0;
            int min = Integer.MAX_VALUE;
            int max = Integer.MIN_VALUE;
            for (RowFinished r : rows) {
                int v = f.applyAsInt(r);
                sum += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            return new Spread((double) sum / rows.size(), min, max);
        }
    }

    /** Reads a trace as a stream: memory for its finished rows only. */
    public static TraceInspection of(Path file) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String type : List.of("RowOp", "RowResult", "RowFinished", "RowTargets")) {
            counts.put(type, 0L);
        }
        List<RowFinished> finished = new ArrayList<>();
        Long endCycle = null;
        long events = 0;
        try (TraceReader trace = TraceReader.open(file)) {
            TraceHeader header = TraceHeader.of(trace.metadata(), file.toString());
            for (SpecificRecord e = trace.next(); e != null; e = trace.next()) {
                events++;
                counts.merge(e.getSchema().getName(), 1L, Long::sum);
                if (e instanceof RowFinished r) {
                    finished.add(r);
                } else if (e instanceof ProgrammingEnded p) {
                    endCycle = p.getCycle();
                }
            }
            return new TraceInspection(header, trace.metadata(), trace.complete(), events,
                    Collections.unmodifiableMap(counts), endCycle, clock(header.scenarioText()), finished.size(),
                    Spread.of(finished, RowFinished::getSetOps), Spread.of(finished, RowFinished::getResetOps),
                    Spread.of(finished, RowFinished::getReadOps));
        }
    }

    /** The chip clock in Hz from the recorded scenario's {@code chip.clock: ...} line, or null. */
    static Double clock(String scenarioText) {
        if (scenarioText == null) {
            return null;
        }
        for (String l : scenarioText.split("\\R")) {
            String t = l.strip();
            if (t.startsWith("chip.clock:")) {
                try {
                    return Quantity.FREQUENCY.parse(t.substring("chip.clock:".length()).strip());
                } catch (RuntimeException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
