package org.xbarsim.api.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A NumPy {@code .npy} array of float32 or float64 (either byte order, C or Fortran order), read
 * into doubles in C (row-major) order. Format: numpy.lib.format, versions 1.0, 2.0 and 3.0.
 *
 * @param shape dimensions
 * @param data  elements in row-major order
 */
public record NpyArray(int[] shape, double[] data) {
    /**
     * Larger files are refused rather than read into memory: 256 MiB is 32 M float64 weights, far
     * beyond the networks xbarsim maps (a 1024x1024 matrix is 8 MiB), and the array is read whole.
     */
    public static final long MAX_BYTES = 256L << 20;
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /**
     * Reads a file.
     *
     * @throws IllegalArgumentException with a message saying what was expected (the caller adds the
     *                                  file and key); a missing file says so
     */
    public static NpyArray read(Path file) {
        byte[] bytes;
        try {
            bytes = BoundedFiles.readAllBytes(file, MAX_BYTES, "a .npy weight file");
        } catch (InputError e) {
            throw new IllegalArgumentException(e.detail()); // the caller names the file and key
        } catch (NoSuchFileException e) {
            // No path in these messages: the caller puts it first, as it does for every other problem.
            throw new IllegalArgumentException("expected a .npy file, found no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read: " + e.getMessage());
        }
        return parse(bytes);
    }

    public static NpyArray parse(byte[] bytes) {
        if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), MAGIC)) {
            throw new IllegalArgumentException("expected a NumPy .npy file (magic \\x93NUMPY), got something else");
        }
        int major = bytes[6] & 0xff;
        int[] span = header(bytes, major);
        int headerStart = span[0];
        int headerLength = span[1];
        String header = new String(bytes, headerStart, headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String descr = find(DESCR, header, "descr");
        boolean fortran = find(FORTRAN, header, "fortran_order").equals("True");
        int[] shape = parseShape(find(SHAPE, header, "shape"));
        double[] values = values(bytes, headerStart + headerLength, descr, shape);
        if (fortran && shape.length == 2) {
            values = transpose(values, shape[1], shape[0]);
        } else if (fortran && shape.length > 2) {
            throw new IllegalArgumentException("expected C order for arrays of more than 2 dimensions");
        }
        return new NpyArray(shape, values);
    }

    /** Where the header starts and how long it is, by format version; a truncated file is refused. */
    private static int[] header(byte[] bytes, int major) {
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength;
        int headerStart;
        if (major == 1) {
            headerLength = buf.getShort(8) & 0xffff;
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) {
                throw new IllegalArgumentException("expected a .npy header, file is truncated");
            }
            headerLength = buf.getInt(8);
            headerStart = 12;
        } else {
            throw new IllegalArgumentException("expected .npy format version 1, 2 or 3, got " + major);
        }
        if (headerLength < 0 || headerStart + (long) headerLength > bytes.length) {
            throw new IllegalArgumentException("expected a .npy header of " + headerLength + " bytes, file is truncated");
        }
        return new int[] {headerStart, headerLength};
    }

    /** The elements, in file order, of dtype {@code descr} and {@code shape}, from {@code dataStart}. */
    private static double[] values(byte[] bytes, int dataStart, String descr, int[] shape) {
        ByteOrder order;
        int width;
        switch (descr) {
            case "<f8" -> { order = ByteOrder.LITTLE_ENDIAN; width = 8; }
            case ">f8" -> { order = ByteOrder.BIG_ENDIAN; width = 8; }
            case "<f4" -> { order = ByteOrder.LITTLE_ENDIAN; width = 4; }
            case ">f4" -> { order = ByteOrder.BIG_ENDIAN; width = 4; }
            default -> throw new IllegalArgumentException(
                    "expected dtype float32 or float64 ('<f4', '<f8'), got '" + descr + "'");
        }
        // A damaged shape could overflow the element count and slip past the size check below, so
        // the count stops growing at a cap no file reaches.
        long cap = Long.MAX_VALUE / 16;
        long count = 1;
        for (int d : shape) {
            count = d == 0 || count == 0 ? 0 : count > cap / d ? cap : count * d;
        }
        long expectedBytes = count * width;
        if (bytes.length - dataStart < expectedBytes) {
            throw new IllegalArgumentException("expected " + expectedBytes + " bytes of data for shape "
                    + shapeText(shape) + ", file has " + (bytes.length - dataStart) + " (truncated)");
        }
        ByteBuffer data = ByteBuffer.wrap(bytes, dataStart, (int) expectedBytes).slice().order(order);
        double[] values = new double[(int) count];
        for (int i = 0; i < values.length; i++) {
            values[i] = width == 8 ? data.getDouble(i * 8) : data.getFloat(i * 4);
        }
        return values;
    }

    private static String find(Pattern p, String header, String key) {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            // A damaged header may hold anything, line breaks too; the message must stay one line.
            throw new IllegalArgumentException("expected a .npy header with '" + key + "', got "
                    + header.replaceAll("\\s+", " ").trim());
        }
        String value = m.group(1);
        if (m.find()) {
            // NumPy's header is a Python dict literal: a key given twice is the last value there, and a
            // reader that took the first would read other data than NumPy does. Neither is guessed.
            throw new IllegalArgumentException("expected a .npy header with one '" + key + "', got it twice");
        }
        return value;
    }

    private static int[] parseShape(String text) {
        String[] parts = Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .toArray(String[]::new);
        int[] shape = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                shape[i] = Integer.parseInt(parts[i].replace("L", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a .npy shape of whole numbers, got (" + text + ")");
            }
            if (shape[i] < 0) {
                throw new IllegalArgumentException("expected a .npy shape of non-negative sizes, got (" + text + ")");
            }
        }
        return shape;
    }

    /** A shape written as NumPy writes it: (8, 8), (8,). */
    public static String shapeText(int[] shape) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            b.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return b.append(shape.length == 1 ? ",)" : ")").toString();
    }

    /** Column-major rows x cols (stored as cols blocks of rows) to row-major. */
    private static double[] transpose(double[] colMajor, int cols, int rows) {
        double[] out = new double[colMajor.length];
        for (int c = 0; c < cols; c++) {
            for (int r = 0; r < rows; r++) {
                out[r * cols + c] = colMajor[c * rows + r];
            }
        }
        return out;
    }

    /** Writes a C-order float64 .npy file (format 1.0). */
    public static void write(Path file, int[] shape, double[] data) throws IOException {
        StringBuilder dims = new StringBuilder();
        for (int d : shape) {
            dims.append(d).append(", ");
        }
        String dimText = shape.length == 1 ? shape[0] + "," : dims.substring(0, dims.length() - 2);
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + dimText + "), }";
        int total = 10 + dict.length() + 1;
        int pad = (64 - total % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        ByteBuffer out = ByteBuffer.allocate(10 + header.length() + data.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        out.put(header.getBytes(StandardCharsets.ISO_8859_1));
        for (double v : data) {
            out.putDouble(v);
        }
        Files.write(file, out.array());
    }
}
