package org.xbarsim.engine.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.api.event.RowFinished;

/**
 * A crafted writer schema whose records carry arrays of zero-byte items (a field the reader skips):
 * each record may declare as many items as the block has bytes left, so decoding a block would cost
 * its size squared. Such a block is damage: the readable prefix ends before it, whatever its records.
 */
class TraceDecodingCostTest {
    @TempDir
    Path dir;

    /** RowFinished as a writer could declare it, with an extra array of nulls. */
    private static Schema padded() {
        Schema base = RowFinished.getClassSchema();
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field f : base.getFields()) {
            fields.add(new Schema.Field(f.name(), f.schema(), f.doc(), f.defaultVal()));
        }
        fields.add(new Schema.Field("pad", Schema.createArray(Schema.create(Schema.Type.NULL)), null, null));
        return Schema.createRecord(base.getName(), null, base.getNamespace(), false, fields);
    }

    /** {@code records} records, the first {@code padded} with {@code itemsEach} null items, the others with one. */
    private Path trace(int records, int padded, int itemsEach) throws IOException {
        Schema row = padded();
        Schema union = Schema.createUnion(List.of(row));
        Path file = dir.resolve("padded-" + padded + "-" + itemsEach + ".avro");
        List<Object> pad = Collections.nCopies(itemsEach, null);
        List<Object> one = Collections.nCopies(1, null);
        try (DataFileWriter<Object> w = new DataFileWriter<>(new GenericDatumWriter<>(union))) {
            w.setMeta(TraceFormat.SCHEMA_VERSION, TraceFormat.EVENT_SCHEMA_VERSION);
            w.setSyncInterval(1 << 22); // one block
            w.create(union, file.toFile());
            for (int i = 0; i < records; i++) {
                GenericRecord r = new GenericData.Record(row);
                for (Schema.Field f : row.getFields()) {
                    r.put(f.name(), switch (f.schema().getType()) {
                        case INT -> i;
                        case LONG -> (long) i;
                        case DOUBLE -> 0.0;
                        default -> i < padded ? pad : one;
                    });
                }
                w.append(r);
            }
        }
        return file;
    }

    @Test
    void aBlockDeclaringMoreItemsThanBytesIsDamageNotWork() throws IOException {
        // 4,000 records of about 40 bytes, the first 1,000 declaring 4,000 null items each (each count within
        // the bytes left after it): 4 M items in 150 KB.
        Trace crafted = Trace.read(trace(4000, 1000, 4000));
        assertEquals(0, crafted.events().size(), "the block is refused whole");
        assertFalse(crafted.complete());
        // The same records with an item each are within the budget and read.
        assertEquals(4000, Trace.read(trace(4000, 0, 1)).events().size());
    }
}
