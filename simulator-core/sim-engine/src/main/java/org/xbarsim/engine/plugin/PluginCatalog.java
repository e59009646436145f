package org.xbarsim.engine.plugin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pf4j.DefaultPluginManager;
import org.pf4j.ExtensionFinder;
import org.pf4j.LegacyExtensionFinder;
import org.pf4j.PluginManager;
import org.pf4j.PluginWrapper;
import org.pf4j.RuntimeMode;
import org.xbarsim.api.cost.CostModel;
import org.xbarsim.api.device.DeviceModel;
import org.xbarsim.api.param.Component;
import org.xbarsim.api.programming.ProgrammingPolicy;
import org.xbarsim.api.workload.Workload;
import org.xbarsim.engine.cost.FlatCostModel;

/**
 * The extensions available to a run, by kind and id. Normally loaded by PF4J from the plugin jars in
 * one directory; tests may also build one from extension instances.
 */
public final class PluginCatalog implements AutoCloseable {
    private final PluginManager manager;
    private final Map<String, DeviceModel> devices;
    private final Map<String, ProgrammingPolicy> policies;
    private final Map<String, Workload> workloads;
    private final Map<String, CostModel> costModels;
    private final Map<Component, String> origins = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    /** The package of each extension's class, with the plugin it came from: for naming a plugin from a stack. */
    private final Map<String, String> packages = new LinkedHashMap<>();

    private PluginCatalog(PluginManager manager, List<DeviceModel> devices, List<ProgrammingPolicy> policies,
                          List<Workload> workloads, List<CostModel> costModels) {
        this.manager = manager;
        this.devices = index("device model", devices);
        this.policies = index("programming policy", policies);
        this.workloads = index("workload", workloads);
        // The engine's own flat model is always there: it is the default, and what a chip without a cost
        // plugin is charged.
        List<CostModel> costs = new ArrayList<>(costModels);
        costs.add(new FlatCostModel());
        this.costModels = index("cost model", costs);
        for (Component c : all()) {
            origins.put(c, origin(c));
            // Only code from plugin jars is a plugin's to blame (in a catalog of given extensions, theirs).
            if (manager == null || manager.whichPlugin(c.getClass()) != null) {
                packages.putIfAbsent(c.getClass().getPackageName(), describe(c));
            }
        }
    }

    /** Loads every plugin jar in {@code directory} (and only there). */
    public static PluginCatalog load(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("plugin directory " + directory + " does not exist");
        }
        DirectoryOnlyPluginManager manager = new DirectoryOnlyPluginManager(directory);
        manager.loadPlugins();
        manager.startPlugins();
        PluginCatalog catalog = new PluginCatalog(manager, manager.getExtensions(DeviceModel.class),
                manager.getExtensions(ProgrammingPolicy.class), manager.getExtensions(Workload.class),
                manager.getExtensions(CostModel.class));
        catalog.problems.addAll(0, manager.problems);
        for (PluginWrapper plugin : manager.getPlugins()) {
            if (plugin.getPluginState() == org.pf4j.PluginState.FAILED) {
                Throwable why = plugin.getFailedException();
                catalog.problems.add(plugin.getPluginPath().getFileName() + ": plugin " + plugin.getPluginId()
                        + " failed to start" + (why == null ? "" : ": " + why.toString().replaceAll("\\s+", " ")));
            }
        }
        return catalog;
    }

    /**
     * Jars of the plugin directory that could not be loaded, one line each ("bad.jar: why"): they are
     * left out, and the caller says so (PF4J itself would log a stack trace for each).
     */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /**
     * PF4J's default manager also takes extensions from the host's class path (any jar there with a
     * META-INF/extensions.idx) and, with -Dpf4j.mode=development, loads plugins from build directories
     * instead of jars. Both would let code from outside the configured directory run as a plugin:
     * this manager is always in deployment mode and finds extensions in plugins only.
     */
    private static final class DirectoryOnlyPluginManager extends DefaultPluginManager {
        final List<String> problems = new ArrayList<>();

        DirectoryOnlyPluginManager(Path directory) {
            super(directory);
        }

        @Override
        protected PluginWrapper loadPluginFromPath(Path pluginPath) {
            try {
                return super.loadPluginFromPath(pluginPath);
            } catch (RuntimeException e) {
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                problems.add(pluginPath.getFileName() + ": " + why.replaceAll("\\s+", " "));
                return null; // loadPlugins goes on with the next jar
            }
        }

        @Override
        public RuntimeMode getRuntimeMode() {
            return RuntimeMode.DEPLOYMENT;
        }

        @Override
        protected ExtensionFinder createExtensionFinder() {
            LegacyExtensionFinder finder = new LegacyExtensionFinder(this) {
                @Override
                public Map<String, Set<String>> readClasspathStorages() {
                    return Map.of();
                }
            };
            addPluginStateListener(finder);
            return finder;
        }
    }

    /** A catalog of given extensions, with no plugin manager (engine tests). */
    public static PluginCatalog of(List<DeviceModel> devices, List<ProgrammingPolicy> policies,
                                   List<Workload> workloads) {
        return new PluginCatalog(null, devices, policies, workloads, List.of());
    }

    /** A catalog of given extensions and cost models besides the built-in flat one (engine tests). */
    public static PluginCatalog of(List<DeviceModel> devices, List<ProgrammingPolicy> policies,
                                   List<Workload> workloads, List<CostModel> costModels) {
        return new PluginCatalog(null, devices, policies, workloads, costModels);
    }

    /**
     * Extensions by id. Two extensions of one kind with one id (a second jar providing "pcm") are both
     * left out, and named in {@link #problems()}: which physics a run uses must not depend on which jar
     * PF4J happened to read first, and one stray jar must not stop every command.
     */
    private <T extends Component> Map<String, T> index(String kind, List<T> extensions) {
        Map<String, List<T>> byId = new java.util.TreeMap<>();
        for (T e : extensions) {
            byId.computeIfAbsent(e.id(), id -> new ArrayList<>()).add(e);
        }
        Map<String, T> unique = new LinkedHashMap<>();
        byId.forEach((id, list) -> {
            if (list.size() == 1) {
                unique.put(id, list.get(0));
            } else {
                List<String> where = list.stream().map(this::jarOf).sorted().toList();
                problems.add(String.join(" and ", where) + ": " + list.size() + " plugins provide the " + kind
                        + " '" + id + "'; neither is used (remove all but one)");
            }
        });
        return unique;
    }

    /** The jar an extension came from (its file name), or its class when it is built in. */
    private String jarOf(Component c) {
        PluginWrapper wrapper = manager == null ? null : manager.whichPlugin(c.getClass());
        return wrapper == null ? c.getClass().getName() : wrapper.getPluginPath().getFileName().toString();
    }

    public Optional<DeviceModel> device(String id) {
        return Optional.ofNullable(devices.get(id));
    }

    public Optional<ProgrammingPolicy> policy(String id) {
        return Optional.ofNullable(policies.get(id));
    }

    public Optional<Workload> workload(String id) {
        return Optional.ofNullable(workloads.get(id));
    }

    public Optional<CostModel> costModel(String id) {
        return Optional.ofNullable(costModels.get(id));
    }

    public List<CostModel> costModels() {
        return List.copyOf(costModels.values());
    }

    public List<DeviceModel> devices() {
        return List.copyOf(devices.values());
    }

    public List<ProgrammingPolicy> policies() {
        return List.copyOf(policies.values());
    }

    public List<Workload> workloads() {
        return List.copyOf(workloads.values());
    }

    public List<Component> all() {
        List<Component> all = new ArrayList<>(devices.values());
        all.addAll(policies.values());
        all.addAll(workloads.values());
        all.addAll(costModels.values());
        return all;
    }

    /**
     * The plugin whose code a stack is running, from its topmost frame in a plugin's package (an
     * extension's package or one below it): "plugin pcm (device-pcm-0.1.0.jar)". Empty when no frame is.
     *
     * @param topmostOnly consider only the topmost frame outside the JDK (the code executing now)
     */
    public Optional<String> pluginOf(StackTraceElement[] stack, boolean topmostOnly) {
        for (StackTraceElement f : stack) {
            String cls = f.getClassName();
            if (cls.startsWith("java.") || cls.startsWith("jdk.") || cls.startsWith("sun.")) {
                continue;
            }
            for (Map.Entry<String, String> e : packages.entrySet()) {
                if (cls.startsWith(e.getKey() + ".")) {
                    return Optional.of(e.getValue() + " at " + f.getClassName() + "." + f.getMethodName()
                            + (f.getLineNumber() > 0 ? ":" + f.getLineNumber() : ""));
                }
            }
            if (topmostOnly) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** "plugin ID (JAR)" of an extension, or its class when it is built in. */
    private String describe(Component c) {
        PluginWrapper wrapper = manager == null ? null : manager.whichPlugin(c.getClass());
        return wrapper == null ? "built-in " + c.getClass().getSimpleName()
                : "plugin " + wrapper.getPluginId() + " (" + wrapper.getPluginPath().getFileName() + ")";
    }

    /** "plugin-id@version" of the jar an extension came from, or "built-in". */
    public String originOf(Component component) {
        return origins.getOrDefault(component, origin(component));
    }

    private String origin(Component component) {
        if (manager == null) {
            return "built-in";
        }
        PluginWrapper wrapper = manager.whichPlugin(component.getClass());
        return wrapper == null ? "built-in"
                : wrapper.getPluginId() + "@" + wrapper.getDescriptor().getVersion();
    }

    @Override
    public void close() {
        if (manager != null) {
            // PF4J 3.15's stopPlugins() is unreliable; unloading stops and releases each plugin.
            manager.unloadPlugins();
        }
    }
}
