package org.xbarsim.engine.footprint;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.xbarsim.api.device.DeviceArray;
import org.xbarsim.api.device.DeviceModel;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.random.RandomStreams;

/**
 * The bytes a device plugin keeps per device, measured on two small arrays it fabricates: device
 * state is primitive arrays (the plugin contract asks for it), so the arrays reachable from a
 * {@link DeviceArray} grow with the device count, and the difference between two counts is the cost
 * of one device, whatever the plugin. Fabricating a probe draws from a stream of its own name, which
 * no run uses, so it changes no result.
 */
public final class DeviceFootprint {
    /** Two probe sizes: large enough that per-device arrays dominate, small enough to cost a millisecond. */
    static final int SMALL = 4096;
    static final int LARGE = 2 * SMALL;
    /** Used when a plugin cannot fabricate a probe (its error then comes from the run itself). */
    static final double FALLBACK_BYTES = 64;
    /** An object graph walked this deep from the array: the state of a device array, not the JVM's. */
    private static final int MAX_DEPTH = 4;

    private DeviceFootprint() {
    }

    /** Probes made, by device class and parameters: a sweep's points share a few. */
    private static final Map<List<Object>, Double> PROBED = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_REMEMBERED = 256;

    /** Bytes per device of {@code device} with {@code parameters}. */
    public static double bytesPerDevice(DeviceModel device, Parameters parameters) {
        List<Object> key = List.of(device.getClass(), parameters.asMap());
        Double known = PROBED.get(key);
        if (known != null) {
            return known;
        }
        double probed = probe(device, parameters);
        if (PROBED.size() < MAX_REMEMBERED) {
            PROBED.put(key, probed);
        }
        return probed;
    }

    private static double probe(DeviceModel device, Parameters parameters) {
        try {
            long small = bytes(device.fabricate(parameters, SMALL, probeStream(SMALL)));
            long large = bytes(device.fabricate(parameters, LARGE, probeStream(LARGE)));
            double perDevice = (large - small) / (double) (LARGE - SMALL);
            return perDevice > 0 ? perDevice : FALLBACK_BYTES;
        } catch (RuntimeException | LinkageError e) {
            return FALLBACK_BYTES;
        }
    }

    private static org.xbarsim.api.random.RandomStream probeStream(int n) {
        return new RandomStreams(n).stream("footprint-probe");
    }

    /** The bytes of the arrays reachable from {@code root} (array headers and contents). */
    static long bytes(Object root) {
        return walk(root, new IdentityHashMap<>(), 0);
    }

    private static long walk(Object o, Map<Object, Boolean> seen, int depth) {
        if (o == null || depth > MAX_DEPTH || seen.put(o, Boolean.TRUE) != null) {
            return 0;
        }
        Class<?> c = o.getClass();
        if (c.isArray()) {
            int n = Array.getLength(o);
            Class<?> e = c.getComponentType();
            if (e.isPrimitive()) {
                return 16 + (long) n * width(e);
            }
            long sum = 16 + 4L * n;
            for (int i = 0; i < n; i++) {
                sum += walk(Array.get(o, i), seen, depth + 1);
            }
            return sum;
        }
        if (c.getName().startsWith("java.") || c.isEnum()) {
            return 0; // shared JDK objects (parameters, strings) do not grow with devices
        }
        long sum = 0;
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    sum += walk(f.get(o), seen, depth + 1);
                } catch (RuntimeException | IllegalAccessException inaccessible) {
                    // A field the module system keeps closed: not a plugin's device state.
                }
            }
        }
        return sum;
    }

    private static int width(Class<?> primitive) {
        if (primitive == long.class || primitive == double.class) {
            return 8;
        }
        if (primitive == int.class || primitive == float.class) {
            return 4;
        }
        if (primitive == short.class || primitive == char.class) {
            return 2;
        }
        return 1;
    }
}
