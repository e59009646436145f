package org.xbarsim.explore.replay;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.xbarsim.engine.Simulator;
import org.xbarsim.engine.bus.Futures;
import org.xbarsim.engine.run.RunListener;
import org.xbarsim.engine.scenario.Scenario;
import org.xbarsim.engine.scenario.ScenarioLoader;
import org.xbarsim.engine.replay.RecordedLayout;
import org.xbarsim.engine.trace.EventPrints;
import org.xbarsim.engine.trace.RecordedScenario;
import org.xbarsim.engine.trace.Recording;
import org.xbarsim.engine.trace.TraceFormat;
import org.xbarsim.engine.trace.TraceHeader;
import org.xbarsim.engine.trace.TraceReader;

/**
 * A trace's recorded scenario run again and its event stream compared with the recording, row by row
 * and event by event (rows are the unit of order: each row's conversation, and the chip timeline's
 * events, each in its own order), by 128-bit fingerprints of every event. The trace is input: its
 * header is validated before anything runs ({@link TraceHeader}), its scenario runs with the files
 * the user allowed ({@link RecordedScenario}) and nothing downloaded, and the layout it records must
 * be the one its scenario maps to.
 */
public final class ExactReplay {
    private final Path file;
    private final TraceHeader header;

    /**
     * The outcome.
     *
     * @param divergence null when identical; else where and how the streams first differ, for people
     */
    public record Result(long events, int tiles, TraceFormat.Level level, String divergence) {
        public boolean identical() {
            return divergence == null;
        }
    }

    private ExactReplay(Path file, TraceHeader header) {
        this.file = file;
        this.header = header;
    }

    /**
     * Opens a trace to replay: of the current event schema (older ones are refused: no run of this
     * version reproduces them), its header valid, complete (a killed run's trace is refused at once).
     */
    public static ExactReplay open(Path file) {
        try (TraceReader reader = TraceReader.open(file)) {
            TraceFormat.requireReplayable(reader.metadata(), file.toString());
            TraceHeader h = TraceHeader.of(reader.metadata(), file.toString());
            if (!reader.endsWithMarker()) {
                throw TraceHeader.cutShort(file);
            }
            return new ExactReplay(file, h);
        }
    }

    public TraceHeader header() {
        return header;
    }

    /**
     * Runs the recorded scenario again with {@code simulator} (restricted to what {@code where}
     * allows) on {@code threads} event loops and compares. The recording streams from its file on a
     * thread of its own meanwhile; both sides keep only fingerprints, so a trace of any size replays in
     * little memory.
     */
    public Result run(Simulator simulator, ScenarioLoader loader, RecordedScenario where, int threads) {
        Simulator restricted = simulator.restrictedTo(where.access());
        Scenario scenario = loader.loadText(header.scenarioText(), file + " (recorded scenario)", where.location(),
                List.of(), header.seed());
        EventPrints recorded = new EventPrints();
        FutureTask<Boolean> reading = new FutureTask<>(() -> readPrints(recorded));
        Thread reader = new Thread(reading, "xbarsim-trace-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            EventPrints replayed = new EventPrints();
            try {
                Simulator.Prepared prepared = restricted.prepare(scenario);
                RecordedLayout.check(header, prepared.jobs(), file.toString());
                rerun(restricted, prepared, threads, replayed);
            } catch (RuntimeException e) {
                // A trace cut short is refused as such, whatever its truncated scenario does when re-run.
                requireComplete(reading);
                throw e;
            }
            requireComplete(reading);
            EventPrints.Divergence d = EventPrints.firstDivergence(recorded, replayed);
            return new Result(recorded.events(), recorded.tiles(), header.level(),
                    d == null ? null : describe(d, restricted, scenario, threads));
        } finally {
            reader.interrupt();
        }
    }

    private void requireComplete(FutureTask<Boolean> reading) {
        if (!Futures.get(reading)) {
            throw TraceHeader.cutShort(file);
        }
    }

    /** Where a replay diverged, field by field when the events can be read again. */
    private String describe(EventPrints.Divergence d, Simulator simulator, Scenario scenario, int threads) {
        if (d.lengthOnly()) {
            return String.format("diverged at %s: the recording has %d events there, the replay %d", d.where(),
                    d.recordedEvents(), d.replayedEvents());
        }
        // Read the two events that differ in full, to say where: the recorded one from the file, the new
        // one from a second run (runs are deterministic, so it is the same event).
        SpecificRecord a = recordedEvent(d);
        SpecificRecord[] b = new SpecificRecord[1];
        int[] seen = new int[1];
        rerun(simulator, simulator.prepare(scenario), threads, e -> {
            if (d.inStream(e) && seen[0]++ == d.index()) {
                b[0] = e;
            }
        });
        String difference = a == null || b[0] == null ? null : difference(a, b[0]);
        return String.format("diverged at %s (%s): %s", d.where(), a == null ? "?" : a.getSchema().getName(),
                difference == null ? "the events differ between runs of the same scenario (the run is not "
                        + "deterministic)" : difference);
    }

    private void rerun(Simulator simulator, Simulator.Prepared prepared, int threads, Consumer<SpecificRecord> sink) {
        simulator.run(prepared, threads, RunListener.NONE, new Recording(header.level(), sink));
    }

    /** Reads the recording's fingerprints; returns whether the trace is complete. */
    private boolean readPrints(EventPrints prints) {
        try (TraceReader r = TraceReader.open(file)) {
            for (SpecificRecord e = r.next(); e != null; e = r.next()) {
                prints.accept(e);
            }
            return r.complete();
        }
    }

    private SpecificRecord recordedEvent(EventPrints.Divergence d) {
        try (TraceReader r = TraceReader.open(file)) {
            int seen = 0;
            for (SpecificRecord e = r.next(); e != null; e = r.next()) {
                if (d.inStream(e) && seen++ == d.index()) {
                    return e;
                }
            }
            return null;
        }
    }

    /** The first field in which two events differ, described, or null when they are equal. */
    static String difference(SpecificRecord recorded, SpecificRecord replayed) {
        if (!recorded.getSchema().getFullName().equals(replayed.getSchema().getFullName())) {
            return "event type: recorded " + recorded.getSchema().getName() + ", new "
                    + replayed.getSchema().getName();
        }
        for (Schema.Field f : recorded.getSchema().getFields()) {
            Object x = recorded.get(f.pos());
            Object y = replayed.get(f.pos());
            if (!Objects.equals(x, y)) {
                return "field " + f.name() + ": recorded " + show(x, y) + ", new " + show(y, x);
            }
        }
        return null;
    }

    /** A value for a divergence message; for bytes, where they first differ. */
    private static String show(Object v, Object other) {
        if (v instanceof ByteBuffer b && other instanceof ByteBuffer o) {
            int n = Math.min(b.remaining(), o.remaining());
            int at = 0;
            while (at < n && b.get(b.position() + at) == o.get(o.position() + at)) {
                at++;
            }
            return at < b.remaining() ? String.format("byte %d = 0x%02x (of %d)", at, b.get(b.position() + at) & 0xff,
                    b.remaining()) : "ends at byte " + b.remaining();
        }
        return String.valueOf(v);
    }
}
