package org.xbarsim.engine.infer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** float32 little-endian packing of the {@code bytes} fields of MvmBatch and MvmResult. */
final class Floats {
    private Floats() {
    }

    static ByteBuffer pack(float[] values, int offset, int count) {
        ByteBuffer b = ByteBuffer.allocate(4 * count).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values, offset, count);
        return b;
    }

    static void unpack(ByteBuffer bytes, float[] out) {
        bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
    }
}
