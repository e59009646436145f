package org.xbarsim.engine.trace;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.xbarsim.api.event.RowFinished;
import org.xbarsim.api.event.RowOp;
import org.xbarsim.api.event.RowResult;
import org.xbarsim.api.event.RowTargets;
import org.xbarsim.api.io.InputError;

/**
 * A trace's events as CSV files, one per event type, every field of the records in its columns
 * (README, "Traces", lists them): {@code rows.csv} (RowFinished), {@code ops.csv} (RowOp),
 * {@code results.csv} (RowResult, with the verify read's ADC codes) and {@code targets.csv}
 * (RowTargets, one line per column). Masks are written as hexadecimal bytes in the order of the
 * event schema (bit i in byte i/8 at bit i%8) and also counted; times are given in cycles and, when
 * the recorded clock is known, in seconds.
 */
public final class TraceCsv {
    public static final String ROWS = "rows.csv";
    public static final String OPS = "ops.csv";
    public static final String RESULTS = "results.csv";
    public static final String TARGETS = "targets.csv";
    /** The files, in the order written. */
    public static final List<String> FILES = List.of(ROWS, OPS, RESULTS, TARGETS);

    static final String ROWS_HEADER = "event,tile,row,cycle,timeSeconds,cycles,weights,succeeded,setOps,resetOps,"
            + "readOps,energyPicojoules,sumAbsErrorMicroSiemens,waitCycles";
    static final String OPS_HEADER = "event,tile,row,kind,strength,width,enabledDevices,enableMask,readColumns,readMask";
    static final String RESULTS_HEADER = "event,tile,row,rowCycle,rowSeconds,operations,convertedColumns,"
            + "convertedMask,lowMicroSiemens,lsbMicroSiemens,codes";
    static final String TARGETS_HEADER = "event,tile,row,col,targetMicroSiemens";

    private TraceCsv() {
    }

    /**
     * Refuses, as an InputError on {@code --export}, a directory that already holds one of the files
     * (nothing is overwritten unless the user asked for it).
     */
    public static void refuseOverwrite(Path dir) {
        for (String name : FILES) {
            if (Files.exists(dir.resolve(name))) {
                throw new InputError("--export", "", dir.resolve(name) + " already exists; pass --force to overwrite "
                        + "it or name another directory");
            }
        }
    }

    /**
     * Writes the four files into {@code dir} (created if missing) from the trace {@code file}; an
     * unwritable directory is an InputError on {@code --export}.
     */
    public static void export(Path file, Path dir) {
        try {
            Files.createDirectories(dir);
            try (TraceReader trace = TraceReader.open(file);
                 BufferedWriter rows = writer(dir, ROWS, ROWS_HEADER);
                 BufferedWriter ops = writer(dir, OPS, OPS_HEADER);
                 BufferedWriter results = writer(dir, RESULTS, RESULTS_HEADER);
                 BufferedWriter targets = writer(dir, TARGETS, TARGETS_HEADER)) {
                Double clock = TraceInspection.clock(trace.metadata().get(TraceFormat.SCENARIO));
                long n = 0;
                for (SpecificRecord e = trace.next(); e != null; e = trace.next(), n++) {
                    if (e instanceof RowFinished r) {
                        rows.write(row(n, r, clock));
                    } else if (e instanceof RowOp r) {
                        ops.write(op(n, r));
                    } else if (e instanceof RowResult r) {
                        results.write(result(n, r, clock));
                    } else if (e instanceof RowTargets r) {
                        writeTargets(targets, n, r);
                    }
                }
            }
        } catch (IOException e) {
            throw new InputError("--export", "", "cannot write CSV files in " + dir + ": " + e.getMessage());
        }
    }

    private static BufferedWriter writer(Path dir, String name, String header) throws IOException {
        BufferedWriter w = Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8);
        w.write(header + "\n");
        return w;
    }

    private static String seconds(long cycle, Double clock) {
        return clock == null ? "" : Double.toString(cycle / clock);
    }

    static String row(long n, RowFinished r, Double clock) {
        return n + "," + r.getTile() + "," + r.getRow() + "," + r.getCycle() + "," + seconds(r.getCycle(), clock)
                + "," + r.getCycles() + "," + r.getWeights() + "," + r.getSucceeded() + "," + r.getSetOps() + ","
                + r.getResetOps() + "," + r.getReadOps() + "," + r.getEnergyPicojoules() + ","
                + r.getSumAbsErrorMicroSiemens() + "," + r.getWaitCycles() + "\n";
    }

    static String op(long n, RowOp r) {
        return n + "," + r.getTile() + "," + r.getRow() + "," + r.getKind() + "," + r.getStrength() + "," + r.getWidth()
                + "," + popcount(r.getEnable()) + "," + hex(r.getEnable()) + "," + popcount(r.getRead()) + ","
                + hex(r.getRead()) + "\n";
    }

    static String result(long n, RowResult r, Double clock) {
        return n + "," + r.getTile() + "," + r.getRow() + "," + r.getRowCycle() + "," + seconds(r.getRowCycle(), clock)
                + "," + r.getOperations() + "," + popcount(r.getConverted()) + "," + hex(r.getConverted()) + ","
                + r.getLowMicroSiemens() + "," + r.getLsbMicroSiemens() + "," + codes(r.getCodes()) + "\n";
    }

    private static void writeTargets(BufferedWriter out, long n, RowTargets r) throws IOException {
        ByteBuffer b = r.getTargets().duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int count = Math.min(r.getColumns(), b.remaining() / Double.BYTES);
        for (int c = 0; c < count; c++) {
            out.write(n + "," + r.getTile() + "," + r.getRow() + "," + c + ","
                    + b.getDouble(b.position() + c * Double.BYTES) + "\n");
        }
    }

    /** The ADC codes, unsigned 16-bit little-endian in the event, as numbers separated by spaces. */
    static String codes(ByteBuffer b) {
        if (b == null) {
            return "";
        }
        ByteBuffer codes = b.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        StringBuilder s = new StringBuilder();
        for (int i = codes.position(); i + 1 < codes.limit(); i += 2) {
            s.append(s.length() == 0 ? "" : " ").append(codes.getShort(i) & 0xffff);
        }
        return s.toString();
    }

    static String hex(ByteBuffer b) {
        if (b == null) {
            return "";
        }
        byte[] bytes = new byte[b.remaining()];
        b.duplicate().get(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static int popcount(ByteBuffer b) {
        if (b == null) {
            return 0;
        }
        int n = 0;
        for (int i = b.position(); i < b.limit(); i++) {
            n += Integer.bitCount(b.get(i) & 0xff);
        }
        return n;
    }
}
