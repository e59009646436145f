package org.xbarsim.engine.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.xbarsim.api.cost.CostModel;
import org.xbarsim.api.inference.InferenceWorkload;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.param.Component;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.param.Preset;
import org.xbarsim.api.param.Quantity;
import org.xbarsim.api.programming.ProgrammingPolicy;
import org.xbarsim.engine.hw.ChipConfig;
import org.xbarsim.engine.plugin.PluginCatalog;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a scenario YAML file, applies {@code --set path=value} overrides, binds plugins by id and
 * validates every key against the parameter specs of its owner: the chip's own, or the chosen
 * plugin's. Every problem becomes an {@link InputError} naming the file (with line), the key path and
 * what was expected.
 */
public final class ScenarioLoader {
    /** Scenario files are small; anything larger is a mistake, refused before it is read. */
    public static final long MAX_FILE_BYTES = 1 << 20;

    private static final List<String> TOP_LEVEL = List.of("name", "description", "seed", "chip", "device",
            "programming", "workload", "inference", "cost", "lifecycle");
    private static final Map<String, String> DEFAULT_IMPL = Map.of(
            "device", "pcm", "programming", "rowwise-closed-loop", "workload", "synthetic",
            "cost", org.xbarsim.engine.cost.FlatCostModel.ID);

    private final PluginCatalog catalog;

    public ScenarioLoader(PluginCatalog catalog) {
        this.catalog = catalog;
    }

    /** A value as written, and where: "file:line" or "--set". */
    private record Entry(String value, String origin) {
    }

    public Scenario load(Path file, List<String> overrides, Long seedOverride) {
        return load(ScenarioText.read(file), settings(overrides), seedOverride);
    }

    /** The {@code --set path=value} options as settings. */
    private static List<Setting> settings(List<String> overrides) {
        List<Setting> settings = new ArrayList<>();
        for (String o : overrides) {
            settings.add(Setting.parse(o, "--set"));
        }
        return settings;
    }

    /**
     * Loads scenario text that did not come from its own file (a trace's header): {@code location} names
     * where it stood, whose directory relative paths resolve against and whose name is the default name.
     */
    public Scenario loadText(String text, String source, Path location, List<String> overrides, Long seedOverride) {
        return load(new ScenarioText(text, source, location), settings(overrides), seedOverride);
    }

    /** Loads a scenario's text with {@code settings} applied in order, then {@code seedOverride} if not null. */
    public Scenario load(ScenarioText scenario, List<Setting> settings, Long seedOverride) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        flatten(parse(scenario.text(), scenario.source()), "", entries, scenario.source());
        for (Setting setting : settings) {
            apply(setting, entries);
        }
        return resolve(scenario.location(), scenario.source(), entries, seedOverride);
    }

    private static Node parse(String text, String source) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit((int) MAX_FILE_BYTES);
        try {
            Node root = new Yaml(options).compose(new java.io.StringReader(text));
            if (root == null) {
                throw new InputError(source, "", "expected a scenario (a YAML mapping of keys), got an empty file");
            }
            return root;
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = mark == null ? source : source + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
            String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
            // An unclosed bracket is reported where the parser gave up, often lines later: the
            // context ("while parsing a flow sequence") and its line point back at the opening.
            Mark context = e.getContextMark();
            String opened = e.getProblem() != null && e.getContext() != null && context != null && mark != null
                    && context.getLine() != mark.getLine()
                    ? " (" + oneLine(e.getContext()) + " started at line " + (context.getLine() + 1) + ")" : "";
            throw new InputError(where, pathAtError(text, options), "malformed YAML: " + oneLine(problem) + opened);
        } catch (YAMLException e) {
            throw new InputError(source, "", "malformed YAML: " + oneLine(e.getMessage()));
        }
    }

    /**
     * The key path the parser was inside when it failed, found by replaying the event stream up to
     * the error: compose() throws away the partial tree, and a line number alone does not say which
     * key a user was writing. Empty when the error comes before the first key.
     */
    private static String pathAtError(String text, LoaderOptions options) {
        // One frame per open mapping or sequence: the key whose value is being read, and whether a
        // mapping expects a key next.
        List<String[]> keys = new ArrayList<>();
        List<Boolean> expectingKey = new ArrayList<>();
        try {
            for (Event event : new Yaml(options).parse(new java.io.StringReader(text))) {
                int top = keys.size() - 1;
                boolean startsValue = event instanceof ScalarEvent || event instanceof AliasEvent
                        || event instanceof CollectionStartEvent;
                if (startsValue && top >= 0 && expectingKey.get(top) != null && expectingKey.get(top)) {
                    // A mapping key: only scalar keys name a path.
                    keys.get(top)[0] = event instanceof ScalarEvent k ? k.getValue() : "?";
                    expectingKey.set(top, false);
                    if (event instanceof CollectionStartEvent) {
                        keys.add(new String[1]);
                        expectingKey.add(event instanceof MappingStartEvent ? Boolean.TRUE : null);
                    }
                    continue;
                }
                if (event instanceof CollectionStartEvent) {
                    keys.add(new String[1]);
                    expectingKey.add(event instanceof MappingStartEvent ? Boolean.TRUE : null);
                } else if (event instanceof CollectionEndEvent) {
                    keys.remove(top);
                    expectingKey.remove(top);
                    valueDone(expectingKey);
                } else if (event instanceof ScalarEvent || event instanceof AliasEvent) {
                    valueDone(expectingKey);
                }
            }
        } catch (YAMLException e) {
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < keys.size(); i++) {
                // The innermost mapping names its key only while that key's value is being read.
                boolean open = i < keys.size() - 1 || Boolean.FALSE.equals(expectingKey.get(i));
                if (keys.get(i)[0] != null && open) {
                    path.append(path.length() == 0 ? "" : ".").append(keys.get(i)[0]);
                }
            }
            return path.toString();
        }
        return "";
    }

    /** A value finished: the enclosing mapping, if any, expects its next key. */
    private static void valueDone(List<Boolean> expectingKey) {
        int top = expectingKey.size() - 1;
        if (top >= 0 && expectingKey.get(top) != null) {
            expectingKey.set(top, true);
        }
    }

    private static String oneLine(String s) {
        return s == null ? "unreadable" : s.replaceAll("\\s+", " ").trim();
    }

    /**
     * The tags plain YAML resolves on its own. Anything else was written as an explicit tag
     * ({@code !!java.io.File}, {@code !custom}): a scenario never needs one, and refusing them keeps the
     * file data, whatever YAML library or settings read it later.
     */
    private static final java.util.Set<Tag> PLAIN_TAGS = java.util.Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL,
            Tag.NULL, Tag.TIMESTAMP, Tag.MAP, Tag.SEQ, Tag.MERGE);

    private static void flatten(Node node, String path, Map<String, Entry> out, String source) {
        String where = source + ":" + (node.getStartMark().getLine() + 1);
        if (!PLAIN_TAGS.contains(node.getTag())) {
            throw new InputError(where, path, "expected a plain value, got a YAML type tag '" + node.getTag().getValue()
                    + "'; scenarios use no tags");
        }
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                    throw new InputError(source + ":" + (tuple.getKeyNode().getStartMark().getLine() + 1), path,
                            "expected a plain key, got a " + kindOf(tuple.getKeyNode()));
                }
                String child = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
                if (!PLAIN_TAGS.contains(key.getTag())) {
                    throw new InputError(source + ":" + (key.getStartMark().getLine() + 1), child, "expected a plain "
                            + "key, got a YAML type tag '" + key.getTag().getValue() + "'; scenarios use no tags");
                }
                if (out.containsKey(child)) {
                    throw new InputError(source + ":" + (key.getStartMark().getLine() + 1), child, "duplicate key");
                }
                flatten(tuple.getValueNode(), child, out, source);
            }
        } else if (node instanceof ScalarNode scalar) {
            if (path.isEmpty()) {
                throw new InputError(where, "", "expected a scenario (a YAML mapping of keys), got a single value");
            }
            if (scalar.getValue().isEmpty() || scalar.getTag().getValue().endsWith(":null")) {
                throw new InputError(where, path, "expected a value, got nothing");
            }
            out.put(path, new Entry(scalar.getValue(), where));
        } else {
            throw new InputError(where, path, "expected a value or a mapping of keys, got a " + kindOf(node));
        }
    }

    private static String kindOf(Node node) {
        if (node instanceof SequenceNode) {
            return "list";
        }
        if (node instanceof MappingNode) {
            return "mapping";
        }
        return "value";
    }

    private static void apply(Setting setting, Map<String, Entry> entries) {
        entries.keySet().removeIf(k -> k.equals(setting.key()) || k.startsWith(setting.key() + "."));
        if (setting.value() != null) {
            entries.put(setting.key(), new Entry(setting.value(), setting.origin()));
        }
    }

    private Scenario resolve(Path file, String source, Map<String, Entry> entries, Long seedOverride) {
        Map<String, Map<String, Entry>> sections = sections(entries);
        String fileName = file.getFileName() == null ? source : file.getFileName().toString();
        String name = entries.containsKey("name") ? entries.get("name").value()
                : fileName.replaceFirst("\\.ya?ml$", "");
        long seed = seedOverride != null ? seedOverride
                : entries.containsKey("seed") ? parseSeed(entries.get("seed")) : 1;
        Map<String, String> effective = new LinkedHashMap<>();
        effective.put("name", name);
        effective.put("seed", Long.toString(seed));
        Path base = file.toAbsolutePath().getParent();
        Parameters chipParameters = resolveParameters("chip", ChipSpec.PARAMETERS, Map.of(), sections.get("chip"),
                effective, source);
        Bound<org.xbarsim.api.device.DeviceModel> device = bind("device", sections.get("device"), source,
                catalog::device, catalog.devices(), effective).withPathsUnder(base);
        Bound<ProgrammingPolicy> policy = bind("programming", sections.get("programming"), source,
                catalog::policy, catalog.policies(), effective).withPathsUnder(base);
        Bound<org.xbarsim.api.workload.Workload> workload = bind("workload", sections.get("workload"), source,
                catalog::workload, catalog.workloads(), effective).withPathsUnder(base);
        if (!policy.parameters().has(ProgrammingPolicy.G_TARGET_MAX)
                || !policy.parameters().has(ProgrammingPolicy.TOLERANCE)) {
            throw new IllegalStateException("programming policy '" + policy.component().id()
                    + "' does not declare gTargetMax and tol, which every policy must");
        }
        Parameters inference = inference(workload.component(), sections.get("inference"), effective, source);
        Bound<CostModel> cost = bind("cost", sections.get("cost"), source, catalog::costModel, catalog.costModels(),
                effective).withPathsUnder(base);
        Parameters lifecycle = lifecycle(sections.get("lifecycle"), workload, policy.component(), effective, source);
        ChipConfig chip = ChipSpec.resolve(chipParameters, source);
        chip = chip.withCosts(CostPricing.price(cost.component(), cost.parameters(), chip, source, base));
        return new Scenario(name, source, base, seed, chip,
                device.component(), device.preset(), device.parameters(),
                policy.component(), policy.preset(), policy.parameters(),
                workload.component(), workload.preset(), workload.parameters(), inference, effective,
                cost.component(), cost.preset(), cost.parameters(), lifecycle);
    }

    /** The entries by section (chip, device, ...), keys relative to it; unknown top-level keys refused. */
    private static Map<String, Map<String, Entry>> sections(Map<String, Entry> entries) {
        Map<String, Map<String, Entry>> sections = new LinkedHashMap<>();
        for (String s : List.of("chip", "device", "programming", "workload", "inference", "cost", "lifecycle")) {
            sections.put(s, new LinkedHashMap<>());
        }
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            String key = e.getKey();
            int dot = key.indexOf('.');
            String top = dot < 0 ? key : key.substring(0, dot);
            if (!TOP_LEVEL.contains(top)) {
                // The path stops at the unknown key: "workloads", not "workloads.rows", which would
                // read as if rows were the mistake.
                throw new InputError(e.getValue().origin(), top, "unknown key" + suggest(top, TOP_LEVEL)
                        + "; a scenario has " + String.join(", ", TOP_LEVEL));
            }
            if (sections.containsKey(top)) {
                if (dot < 0) {
                    throw new InputError(e.getValue().origin(), key, "expected a mapping of keys under " + key);
                }
                sections.get(top).put(key.substring(dot + 1), e.getValue());
            } else if (dot >= 0) {
                throw new InputError(e.getValue().origin(), key, "expected a single value for " + top);
            }
        }
        return sections;
    }

    /** The inference parameters of a network workload; inference keys for any other are refused. */
    private static Parameters inference(org.xbarsim.api.workload.Workload workload, Map<String, Entry> keys,
                                        Map<String, String> effective, String source) {
        if (workload instanceof InferenceWorkload) {
            return resolveParameters("inference", InferenceSpec.PARAMETERS, Map.of(), keys, effective, source);
        }
        if (!keys.isEmpty()) {
            Map.Entry<String, Entry> first = keys.entrySet().iterator().next();
            throw new InputError(first.getValue().origin(), "inference." + first.getKey(), "workload '"
                    + workload.id() + "' programs weights only and runs no inference; remove the "
                    + "inference keys or choose a network workload");
        }
        return null;
    }

    /**
     * The {@code lifecycle.*} keys when the scenario has any (else null): only for a network workload; a
     * refresh needs a policy that refreshes in place, a swap to another model a workload with a model key.
     */
    private static Parameters lifecycle(Map<String, Entry> keys, Bound<org.xbarsim.api.workload.Workload> workload,
                                        ProgrammingPolicy policy, Map<String, String> effective, String source) {
        if (keys.isEmpty()) {
            return null;
        }
        String firstKey = "lifecycle." + keys.keySet().iterator().next();
        String origin = keys.values().iterator().next().origin();
        if (!(workload.component() instanceof InferenceWorkload)) {
            throw new InputError(origin, firstKey, "workload '" + workload.component().id() + "' programs weights "
                    + "only and runs no inference: it has no working life to follow; choose a network workload");
        }
        Parameters p = resolveParameters("lifecycle", LifecycleSpec.PARAMETERS, Map.of(), keys, effective, source);
        boolean refreshes = p.number("refresh.every") > 0 || p.number("refresh.trigger") > 0;
        if (refreshes && !policy.refreshesInPlace()) {
            String key = p.number("refresh.every") > 0 ? "refresh.every" : "refresh.trigger";
            throw new InputError(origin(keys, key, source), "lifecycle." + key, "programming policy '" + policy.id()
                    + "' cannot refresh weights in place; choose rowwise-closed-loop, serial-closed-loop, "
                    + "retry-closed-loop or msp-only, or no refresh");
        }
        if (p.has("swap.model") && workload.component().parameters().stream().noneMatch(k -> k.name().equals("model"))) {
            throw new InputError(origin(keys, "swap.model", source), "lifecycle.swap.model", "workload '"
                    + workload.component().id() + "' has no model key to load another network from");
        }
        return p;
    }

    private static String origin(Map<String, Entry> keys, String key, String source) {
        Entry e = keys.get(key);
        return e == null ? source : e.origin();
    }

    private static long parseSeed(Entry entry) {
        try {
            long seed = Long.parseLong(entry.value().trim());
            if (seed < 0) {
                throw new NumberFormatException();
            }
            return seed;
        } catch (NumberFormatException e) {
            throw new InputError(entry.origin(), "seed", "expected a whole number >= 0, got '" + entry.value() + "'");
        }
    }

    private record Bound<T extends Component>(T component, String preset, Parameters parameters) {
        /**
         * The one rule for file keys: a relative path resolves against the scenario's directory, for every
         * plugin alike (a workload's model, a device's measured curves). An absolute path stays, and so
         * does a name with a scheme ({@code builtin:example}: a resource the plugin ships).
         */
        Bound<T> withPathsUnder(Path base) {
            Map<String, Object> values = new LinkedHashMap<>(parameters.asMap());
            for (ParameterSpec spec : component.parameters()) {
                if (spec.quantity() == Quantity.PATH && values.get(spec.name()) instanceof String text
                        && !text.matches("[A-Za-z][A-Za-z0-9+.-]+:.*")) {
                    values.put(spec.name(), base.resolve(text).normalize().toString());
                }
            }
            return new Bound<>(component, preset, new Parameters(values));
        }
    }

    private <T extends Component> Bound<T> bind(String section, Map<String, Entry> keys, String source,
                                                Function<String, Optional<T>> lookup, List<T> installed,
                                                Map<String, String> effective) {
        Entry implEntry = keys.remove("impl");
        String impl = implEntry == null ? DEFAULT_IMPL.get(section) : implEntry.value().trim();
        String implOrigin = implEntry == null ? source : implEntry.origin();
        T component = lookup.apply(impl).orElseThrow(() -> new InputError(implOrigin, section + ".impl",
                "unknown " + kindName(section) + " '" + impl + "'" + suggest(impl, ids(installed))
                        + "; installed: " + (installed.isEmpty() ? "none" : String.join(", ", ids(installed)))));
        effective.put(section + ".impl", impl);

        Entry presetEntry = keys.remove("preset");
        Map<String, String> presetValues = Map.of();
        String presetName = null;
        if (presetEntry != null) {
            presetName = presetEntry.value().trim();
            String wanted = presetName;
            Preset preset = component.presets().stream().filter(p -> p.name().equals(wanted)).findFirst()
                    .orElseThrow(() -> new InputError(presetEntry.origin(), section + ".preset",
                            "unknown preset '" + wanted + "' of " + kindName(section) + " '" + impl + "'; available: "
                                    + (component.presets().isEmpty() ? "none"
                                    : String.join(", ", component.presets().stream().map(Preset::name).toList()))));
            presetValues = preset.values();
            effective.put(section + ".preset", presetName);
        }
        Parameters parameters = resolveParameters(section, component.parameters(), presetValues, keys, effective,
                source);
        return new Bound<>(component, presetName, parameters);
    }

    private static String kindName(String section) {
        return switch (section) {
            case "device" -> "device model";
            case "programming" -> "programming policy";
            case "cost" -> "cost model";
            default -> "workload";
        };
    }

    private static List<String> ids(List<? extends Component> components) {
        return components.stream().map(Component::id).toList();
    }

    private static Parameters resolveParameters(String section, List<ParameterSpec> specs, Map<String, String> preset,
                                                Map<String, Entry> keys, Map<String, String> effective,
                                                String source) {
        Map<String, ParameterSpec> byName = new LinkedHashMap<>();
        for (ParameterSpec spec : specs) {
            byName.put(spec.name(), spec);
        }
        for (Map.Entry<String, Entry> e : keys.entrySet()) {
            if (!byName.containsKey(e.getKey())) {
                throw new InputError(e.getValue().origin(), section + "." + e.getKey(), "unknown key"
                        + suggest(section + "." + e.getKey(), byName.keySet().stream().map(k -> section + "." + k)
                        .toList()) + "; " + section + " keys are "
                        + String.join(", ", byName.keySet()));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParameterSpec spec : specs) {
            Entry given = keys.get(spec.name());
            String text;
            String origin;
            if (given != null) {
                text = given.value();
                origin = given.origin();
            } else if (preset.containsKey(spec.name())) {
                text = preset.get(spec.name());
                origin = "preset";
            } else if (spec.defaultValue() != null) {
                text = spec.defaultValue();
                origin = "default";
            } else {
                if (spec.quantity() == Quantity.PATH) {
                    continue;
                }
                // Missing from the file: the file is where it must be added.
                throw new InputError(source, section + "." + spec.name(), "required key is missing: "
                        + spec.description());
            }
            try {
                values.put(spec.name(), spec.parse(text));
            } catch (IllegalArgumentException ex) {
                throw new InputError(origin, section + "." + spec.name(), ex.getMessage());
            }
            effective.put(section + "." + spec.name(), text.trim());
        }
        return new Parameters(values);
    }

    /** "; did you mean X?" for the nearest known word within two edits, else "". */
    static String suggest(String word, List<String> known) {
        String best = NearestWord.of(word, known);
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }
}
