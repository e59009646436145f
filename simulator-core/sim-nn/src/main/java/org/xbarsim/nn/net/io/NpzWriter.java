package org.xbarsim.nn.net.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes float32 arrays as a NumPy .npz (a zip of .npy files, what {@code numpy.savez} writes), the
 * form a PyTorch state_dict is exchanged in. The bytes are a function of the arrays alone: entries in
 * the map's order, a fixed timestamp, no compression.
 */
public final class NpzWriter {
    /** 1980-01-01, the earliest time a zip entry holds: no date of writing leaks into the file. */
    private static final FileTime EPOCH = FileTime.fromMillis(315532800000L);

    private NpzWriter() {
    }

    /**
     * @param arrays name -> (shape, values), in the order to write
     */
    public static void write(Path file, Map<String, Map.Entry<int[], float[]>> arrays) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setMethod(ZipOutputStream.DEFLATED);
            zip.setLevel(0);
            for (Map.Entry<String, Map.Entry<int[], float[]>> e : arrays.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey() + ".npy");
                entry.setLastModifiedTime(EPOCH);
                entry.setCreationTime(EPOCH);
                entry.setLastAccessTime(EPOCH);
                zip.putNextEntry(entry);
                npy(zip, e.getValue().getKey(), e.getValue().getValue());
                zip.closeEntry();
            }
        }
        Files.write(file, bytes.toByteArray());
    }

    /** A C-order little-endian float32 .npy, format 1.0, header padded to 64 bytes as NumPy pads it. */
    static void npy(OutputStream out, int[] shape, float[] values) throws IOException {
        StringBuilder dims = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            dims.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        if (shape.length == 1) {
            dims.append(',');
        }
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + dims + "), }";
        int pad = (64 - (10 + dict.length() + 1) % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + 4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.ISO_8859_1));
        for (float v : values) {
            b.putFloat(v);
        }
        out.write(b.array());
    }
}
