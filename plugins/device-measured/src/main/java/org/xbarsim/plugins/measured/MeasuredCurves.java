package org.xbarsim.plugins.measured;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.xbarsim.api.io.BoundedFiles;

/**
 * A measured population: for each measured device, its conductance after pulse 0 (the reset state),
 * 1, 2, ... of unit-strength SET pulses, packed into one array with an offset per device.
 *
 * <p>CSV format (see the module README): lines starting with {@code #} and blank lines are ignored;
 * the first other line is the header {@code device,pulse,conductance_uS}; then one row per point.
 * A device's rows are contiguous and its pulses run 0, 1, 2, ... in order; at least
 * {@value #MIN_DEVICES} devices with at least {@value #MIN_PULSES} points each; conductances finite
 * and {@code >= 0} uS. Errors are {@link IllegalArgumentException}s reading
 * {@code file:line: expected ..., got ...}.
 *
 * <p>{@link #monotone()} is the running maximum of each curve: the model inverts a curve (conductance
 * to pulse position), which needs it non-decreasing, and a measured curve that dips is read as the
 * device having stayed where it was. {@link #raw()} keeps the file's values.
 */
final class MeasuredCurves {
    static final String HEADER = "device,pulse,conductance_uS";
    static final int MIN_DEVICES = 2;
    static final int MIN_PULSES = 3;

    private final String source;
    private final List<String> names;
    private final int[] start;
    private final double[] raw;
    private final double[] monotone;

    private MeasuredCurves(String source, List<String> names, int[] start, double[] raw) {
        this.source = source;
        this.names = List.copyOf(names);
        this.start = start;
        this.raw = raw;
        this.monotone = raw.clone();
        for (int d = 0; d < names.size(); d++) {
            for (int j = start[d] + 1; j < start[d + 1]; j++) {
                monotone[j] = Math.max(monotone[j], monotone[j - 1]);
            }
        }
    }

    /** Where the data came from, for messages. */
    String source() {
        return source;
    }

    int devices() {
        return names.size();
    }

    String name(int device) {
        return names.get(device);
    }

    /** Offsets into {@link #raw()} and {@link #monotone()}: device d's points are start[d] .. start[d+1]-1. */
    int[] start() {
        return start.clone();
    }

    int points(int device) {
        return start[device + 1] - start[device];
    }

    double[] raw() {
        return raw.clone();
    }

    double[] monotone() {
        return monotone.clone();
    }

    /** Measured curves are thousands of lines, not millions: a larger file is a wrong one. */
    static final long MAX_BYTES = 16L << 20;

    /** Reads a file; a missing or unreadable one is an {@link IllegalArgumentException} naming it. */
    static MeasuredCurves read(Path file) {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(name + ": expected a CSV file of measured curves (" + HEADER
                    + "), got " + (Files.exists(file) ? "a directory" : "no such file"));
        }
        try (Reader in = BoundedFiles.newBufferedReader(file, MAX_BYTES, "a CSV file of measured curves",
                StandardCharsets.UTF_8)) {
            return parse(name, in);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(name + ": expected a CSV file of measured curves, got no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException(name + ": expected a readable UTF-8 CSV file, got " + e.getMessage(), e);
        }
    }

    /** Reads a resource beside this class (the shipped example). */
    static MeasuredCurves resource(String resource) {
        try (InputStream in = MeasuredCurves.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("curve resource missing from the plugin jar: " + resource);
            }
            return parse(resource, new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses CSV text; {@code source} names it in messages. */
    static MeasuredCurves parse(String source, Reader reader) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        Curves curves = new Curves(source);
        boolean header = false;
        int lineNo = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            String t = line.strip();
            if (lineNo == 1 && t.startsWith("\uFEFF")) {
                t = t.substring(1).strip();
            }
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            if (!header) {
                if (!t.replace(" ", "").equals(HEADER)) {
                    throw error(source, lineNo, "the header " + HEADER, "'" + t + "'");
                }
                header = true;
                continue;
            }
            curves.row(t, lineNo);
        }
        if (!header) {
            throw error(source, Math.max(1, lineNo), "the header " + HEADER, "the end of the file");
        }
        return curves.finish(lineNo);
    }

    /** The curves read so far: devices in file order, each a run of points from pulse 0 on. */
    private static final class Curves {
        private final String source;
        private final List<String> names = new ArrayList<>();
        private final List<Integer> starts = new ArrayList<>();
        private final Set<String> seen = new HashSet<>();
        private double[] values = new double[1024];
        private int n;
        private int deviceLine;
        private String current;

        Curves(String source) {
            this.source = source;
        }

        /** One data line: device, pulse, conductance. */
        void row(String t, int lineNo) {
            String[] f = t.split(",", -1);
            if (f.length != 3) {
                throw error(source, lineNo, "3 comma-separated fields " + HEADER, f.length + " in '" + t + "'");
            }
            String device = f[0].strip();
            if (device.isEmpty()) {
                throw error(source, lineNo, "a device name in the first field", "an empty field");
            }
            int pulse;
            try {
                pulse = Integer.parseInt(f[1].strip());
            } catch (NumberFormatException e) {
                throw error(source, lineNo, "a whole pulse number", "'" + f[1].strip() + "'");
            }
            double g;
            try {
                g = Double.parseDouble(f[2].strip());
            } catch (NumberFormatException e) {
                throw error(source, lineNo, "a conductance in uS", "'" + f[2].strip() + "'");
            }
            if (!Double.isFinite(g) || g < 0) {
                throw error(source, lineNo, "a finite conductance >= 0 uS", f[2].strip());
            }
            add(device, pulse, g, lineNo);
        }

        private void add(String device, int pulse, double g, int lineNo) {
            if (!device.equals(current)) {
                if (current != null) {
                    checkPulses(source, deviceLine, current, n - starts.get(starts.size() - 1));
                }
                if (!seen.add(device)) {
                    throw error(source, lineNo, "the rows of device '" + device + "' together",
                            "'" + device + "' again after other devices");
                }
                current = device;
                deviceLine = lineNo;
                names.add(device);
                starts.add(n);
            }
            int expected = n - starts.get(starts.size() - 1);
            if (pulse != expected) {
                throw error(source, lineNo, "pulse " + expected + " of device '" + device
                        + "' (a device's pulses run 0, 1, 2, ... in order)", "pulse " + pulse);
            }
            if (n == values.length) {
                values = Arrays.copyOf(values, 2 * n);
            }
            values[n++] = g;
        }

        MeasuredCurves finish(int lineNo) {
            if (current != null) {
                checkPulses(source, deviceLine, current, n - starts.get(starts.size() - 1));
            }
            if (names.size() < MIN_DEVICES) {
                throw error(source, lineNo, "at least " + MIN_DEVICES + " measured devices", names.size());
            }
            int[] start = new int[names.size() + 1];
            for (int d = 0; d < names.size(); d++) {
                start[d] = starts.get(d);
            }
            start[names.size()] = n;
            return new MeasuredCurves(source, names, start, Arrays.copyOf(values, n));
        }
    }

    private static void checkPulses(String source, int line, String device, int points) {
        if (points < MIN_PULSES) {
            throw error(source, line, "at least " + MIN_PULSES + " points (pulses 0, 1, 2) for device '" + device
                    + "'", points);
        }
    }

    private static IllegalArgumentException error(String source, int line, String expected, Object got) {
        return new IllegalArgumentException(source + ":" + line + ": expected " + expected + ", got " + got);
    }
}
