package org.xbarsim.engine.summary;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.xbarsim.api.io.InputError;

/**
 * Records to JSON and back, by their components: a record is an object whose keys are its component
 * names in declaration order ({@link Inline} components spread into it), a list an array, a
 * {@code Map<String, ...>} an object, a non-finite number {@code null}. A null record, list or map is
 * left out; a null scalar is written as {@code null}. Reading is strict about types (a string where a
 * number belongs is refused, naming the field) and lenient about presence for what may be null:
 * a missing boxed number, string, record, list or map reads as null, a missing primitive is an error.
 * Keys a record does not have are ignored. {@link RunSummary} is written this way; so can any result
 * file whose content is a record tree.
 */
public final class RecordJson {
    /** A summary is a few hundred bytes per tile: a chip of thousands of tiles is far below this. */
    static final long MAX_FILE_BYTES = 64L << 20;

    private RecordJson() {
    }

    /** A record's JSON text, pretty-printed, with a final newline: a result file's content. */
    public static String text(Record record) {
        return write(record).encodePrettily() + "\n";
    }

    /** Reads a record of {@code type} from JSON text; mistakes are InputErrors naming {@code source} and the field. */
    public static <T extends Record> T read(Class<T> type, String text, String source) {
        return read(type, parse(text, source), source, (json, s) -> { });
    }

    static JsonObject write(Record record) {
        JsonObject out = new JsonObject();
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            Object value = get(c, record);
            if (c.isAnnotationPresent(Inline.class)) {
                if (value != null) {
                    out.mergeIn(write((Record) value));
                }
            } else if (value != null || !isContainer(c.getType())) {
                out.put(c.getName(), toJson(value));
            }
        }
        return out;
    }

    private static boolean isContainer(Class<?> type) {
        return type.isRecord() || List.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type);
    }

    private static Object toJson(Object value) {
        if (value instanceof Record r) {
            return write(r);
        }
        if (value instanceof List<?> list) {
            JsonArray a = new JsonArray();
            list.forEach(e -> a.add(toJson(e)));
            return a;
        }
        if (value instanceof Map<?, ?> map) {
            JsonObject o = new JsonObject();
            map.forEach((k, v) -> o.put(String.valueOf(k), toJson(v)));
            return o;
        }
        if ((value instanceof Double d && !Double.isFinite(d)) || (value instanceof Float f && !Float.isFinite(f))) {
            return null;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return value;
    }

    static Object get(RecordComponent c, Record record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + record.getClass(), e);
        }
    }

    /** The JSON object in {@code text}; anything else is an InputError naming {@code source}. */
    static JsonObject parse(String text, String source) {
        try {
            return new JsonObject(text);
        } catch (DecodeException | ClassCastException e) {
            throw new InputError(source, "", "expected a JSON object, got text that is not one: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }

    /**
     * Reads a record of {@code type} from {@code json}; {@code check} looks at the object first (a
     * format number, say).
     */
    static <T extends Record> T read(Class<T> type, JsonObject json, String source,
                                     BiConsumer<JsonObject, String> check) {
        check.accept(json, source);
        return type.cast(readRecord(type, json, source, ""));
    }

    private static Object readRecord(Class<?> type, JsonObject json, String source, String path) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            String at = path.isEmpty() ? c.getName() : path + "." + c.getName();
            args[i] = c.isAnnotationPresent(Inline.class) ? readRecord(c.getType(), json, source, path)
                    : readValue(c.getGenericType(), json.getValue(c.getName()), json.containsKey(c.getName()),
                    source, at);
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(args);
        } catch (InvocationTargetException e) {
            throw new InputError(source, path, "expected a valid " + type.getSimpleName() + ": "
                    + e.getCause().getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type, e);
        }
    }

    private static Object readValue(Type type, Object v, boolean present, String source, String path) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw.isPrimitive()) {
            if (!present) {
                throw new InputError(source, path, "expected a number, found no such field");
            }
            return primitive(raw, v, source, path);
        }
        if (v == null) {
            return null;
        }
        if (raw.isRecord()) {
            return readRecord(raw, expect(JsonObject.class, v, source, path, "an object"), source, path);
        }
        if (raw == List.class) {
            return list((ParameterizedType) type, expect(JsonArray.class, v, source, path, "an array"), source, path);
        }
        if (raw == Map.class) {
            return map((ParameterizedType) type, expect(JsonObject.class, v, source, path, "an object"), source, path);
        }
        if (raw == String.class) {
            return expect(String.class, v, source, path, "a string");
        }
        Number n = expect(Number.class, v, source, path, "a number");
        return raw == Double.class ? (Object) n.doubleValue() : raw == Long.class ? (Object) whole(n, source, path)
                : raw == Integer.class ? (Object) Math.toIntExact(whole(n, source, path)) : n;
    }

    private static Object primitive(Class<?> raw, Object v, String source, String path) {
        if (raw == double.class) {
            return v == null ? Double.NaN : expect(Number.class, v, source, path, "a number").doubleValue();
        }
        if (raw == boolean.class) {
            return expect(Boolean.class, v, source, path, "true or false");
        }
        long n = whole(expect(Number.class, v, source, path, "a whole number"), source, path);
        if (raw == int.class) {
            if (n != (int) n) {
                throw new InputError(source, path, "expected a whole number within 32 bits, got " + n);
            }
            return (int) n;
        }
        return n;
    }

    private static long whole(Number n, String source, String path) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (d != Math.rint(d) || Math.abs(d) > 9.007199254740992E15) {
                throw new InputError(source, path, "expected a whole number, got " + d);
            }
            return (long) d;
        }
        return n.longValue();
    }

    private static List<Object> list(ParameterizedType type, JsonArray a, String source, String path) {
        Type element = type.getActualTypeArguments()[0];
        List<Object> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            Object e = readValue(element, a.getValue(i), true, source, path + "[" + i + "]");
            if (e == null) {
                throw new InputError(source, path + "[" + i + "]", "expected a value, got null");
            }
            out.add(e);
        }
        return Collections.unmodifiableList(out);
    }

    private static Map<String, Object> map(ParameterizedType type, JsonObject o, String source, String path) {
        Type value = type.getActualTypeArguments()[1];
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : o.fieldNames()) {
            Object v = o.getValue(key);
            // Scenario values are text; a hand-edited file's bare number is the same text.
            if (value == String.class && (v instanceof Number || v instanceof Boolean)) {
                v = String.valueOf(v);
            }
            out.put(key, readValue(value, v, true, source, path + "." + key));
        }
        return Collections.unmodifiableMap(out);
    }

    private static <T> T expect(Class<T> type, Object v, String source, String path, String what) {
        if (!type.isInstance(v)) {
            throw new InputError(source, path, "expected " + what + ", got " + describe(v));
        }
        return type.cast(v);
    }

    private static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof JsonObject) {
            return "an object";
        }
        if (v instanceof JsonArray) {
            return "an array";
        }
        return v instanceof String s ? "'" + s + "'" : String.valueOf(v);
    }
}
