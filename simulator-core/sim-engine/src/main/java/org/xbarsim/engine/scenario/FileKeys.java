package org.xbarsim.engine.scenario;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.xbarsim.api.io.FileAccess;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.param.Quantity;

/**
 * The files a scenario names: every key of kind file path of its device, policy, workload and lifecycle, resolved
 * as the plugin will resolve it. Checked against a {@link FileAccess} before a run prepares anything,
 * so a scenario from elsewhere (a cluster peer's point, a trace's recorded scenario) cannot make this
 * process open a file outside the directories its user allowed.
 */
public final class FileKeys {
    /** How a path value names a resource shipped inside a plugin instead of a file (builtin:example). */
    static final String BUILTIN = "builtin:";

    private FileKeys() {
    }

    /**
     * One file key.
     *
     * @param key  the scenario key path, e.g. {@code workload.file}
     * @param file the path the plugin opens
     */
    public record FileKey(String key, Path file) {
    }

    /**
     * The file keys of a scenario that name a file. Workload paths resolve against the scenario's
     * directory; device and policy paths against the working directory (the host hands those plugins
     * no scenario directory: device-measured's {@code curves}). A value {@code builtin:NAME} names a
     * resource inside a plugin, not a file.
     */
    public static List<FileKey> of(Scenario s) {
        List<FileKey> keys = new ArrayList<>();
        add(keys, "device", s.device().parameters(), s.deviceParameters(), Path.of("").toAbsolutePath(), s.source());
        add(keys, "programming", s.policy().parameters(), s.policyParameters(), Path.of("").toAbsolutePath(),
                s.source());
        add(keys, "workload", s.workload().parameters(), s.workloadParameters(), s.baseDir(), s.source());
        if (s.lifecycle() != null) {
            // lifecycle.swap.model becomes the workload's model key: it resolves as the workload's paths do.
            add(keys, "lifecycle", LifecycleSpec.PARAMETERS, s.lifecycle(), s.baseDir(), s.source());
        }
        return keys;
    }

    /** Refuses the first file key the access does not allow, naming the scenario and the key. */
    public static void check(Scenario s, FileAccess access) {
        if (!access.restricted()) {
            return;
        }
        for (FileKey k : of(s)) {
            access.check(k.file(), s.source(), k.key());
        }
    }

    private static void add(List<FileKey> keys, String section, List<ParameterSpec> specs, Parameters values,
                            Path base, String source) {
        for (ParameterSpec spec : specs) {
            if (spec.quantity() != Quantity.PATH || !values.has(spec.name())) {
                continue;
            }
            String value = values.text(spec.name());
            if (value.startsWith(BUILTIN) && value.indexOf('/') < 0) {
                continue; // a resource inside the plugin's jar, not a file
            }
            String key = section + "." + spec.name();
            try {
                keys.add(new FileKey(key, base.resolve(value).normalize()));
            } catch (InvalidPathException e) {
                throw new InputError(source, key, "expected a file path, got '" + value + "'");
            }
        }
    }
}
