package org.xbarsim.engine.trace;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.ClassSecurityValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.api.event.RowOp;
import org.xbarsim.api.event.TrustedEvents;
import org.xbarsim.api.io.InputError;

/**
 * Avro instantiates the classes a schema names (record names, {@code java-class} properties); a trace
 * is user input, so xbarsim trusts its own event package and nothing else, and refuses a trace whose
 * writer schema names any other class before reading a single record.
 */
class TraceTrustTest {
    @TempDir
    Path dir;

    /** Set when {@link Canary} is initialised: a trace that got it instantiated would set it. */
    static volatile boolean canaryInitialised;

    /** A class with a String constructor, as Avro's {@code java-class} strings need. */
    public static final class Canary {
        static {
            canaryInitialised = true;
        }

        public Canary(String s) {
        }
    }

    @Test
    void onlyTheEventPackageIsTrusted() {
        TrustedEvents.install();
        assertDoesNotThrow(() -> ClassSecurityValidator.validate(RowOp.class));
        // Another xbarsim package, a look-alike package name, and a classic gadget are not trusted.
        assertThrows(SecurityException.class, () -> ClassSecurityValidator.validate(InputError.class));
        assertThrows(SecurityException.class, () -> ClassSecurityValidator.validate(Canary.class));
        assertThrows(SecurityException.class, () -> ClassSecurityValidator.validate(java.io.File.class));
        assertThrows(SecurityException.class, () -> ClassSecurityValidator.validate(ProcessBuilder.class));
    }

    private Path trace(String name, Schema schema, GenericRecord record) throws IOException {
        Path file = dir.resolve(name);
        try (DataFileWriter<Object> w = new DataFileWriter<>(new GenericDatumWriter<>(schema))) {
            w.setMeta(TraceFormat.SCHEMA_VERSION, TraceFormat.EVENT_SCHEMA_VERSION);
            w.create(schema, file.toFile());
            w.append(record);
        }
        return file;
    }

    @Test
    void aTraceWhoseSchemaNamesAForeignRecordIsRefused() throws IOException {
        Schema file = new Schema.Parser().parse("""
                {"type": "record", "name": "File", "namespace": "java.io",
                 "fields": [{"name": "path", "type": "string"}]}""");
        GenericRecord r = new GenericData.Record(file);
        r.put("path", "/etc/passwd");
        Path t = trace("file.avro", file, r);
        InputError e = assertThrows(InputError.class, () -> Trace.read(t));
        assertTrue(e.getMessage().startsWith(t + ": avro.schema: ") && e.getMessage().contains("java.io.File")
                && e.getMessage().contains("refused"), e.getMessage());
    }

    @Test
    void aTraceWhoseSchemaNamesAJavaClassIsRefusedAndTheClassNeverLoaded() throws IOException {
        // An xbarsim record name, so only the java-class property is foreign.
        Schema schema = new Schema.Parser().parse("""
                {"type": "record", "name": "TraceEnd", "namespace": "org.xbarsim.api.event",
                 "fields": [{"name": "events", "type": "long"},
                            {"name": "note", "type": {"type": "string", "java-class": "%s"}}]}"""
                .formatted(Canary.class.getName()));
        GenericRecord r = new GenericData.Record(schema);
        r.put("events", 0L);
        r.put("note", "boom");
        Path t = trace("java-class.avro", schema, r);
        InputError e = assertThrows(InputError.class, () -> Trace.read(t));
        assertTrue(e.getMessage().contains("java-class=" + Canary.class.getName()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertFalse(canaryInitialised, "the class a trace named was loaded");
    }
}
