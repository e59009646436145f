package org.xbarsim.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.api.io.InputError;
import org.xbarsim.engine.plugin.PluginCatalog;
import org.xbarsim.explore.SimulatorHost;
import org.xbarsim.engine.scenario.ScenarioLoader;

/**
 * Malformed scenarios, generated from the real ones in scenarios/ by a seeded generator, loaded with
 * the real plugin jars: each must load (the mutation was harmless) or fail with an {@link InputError}
 * whose message is one line starting with the file's name. Any other exception, an OutOfMemoryError or
 * a hang is a bug in the loader. A failure prints the case number and the mutation; the generator is
 * seeded, so the same case comes back on every run.
 */
class ScenarioFuzzTest {
    private static final int CASES = 5_000;
    private static final long SEED = 20261130L;

    @TempDir
    static Path copies;
    @TempDir
    Path dir;

    private static SimulatorHost host;
    private static PluginCatalog catalog;
    private static List<byte[]> originals;

    @BeforeAll
    static void setUp() throws IOException {
        // Through the host, as the command line does: it sets the logging defaults (PF4J's off) first.
        host = SimulatorHost.open(CliTestSupport.pluginDir(copies));
        catalog = host.catalog();
        originals = new ArrayList<>();
        try (var files = Files.list(Path.of("../../scenarios"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                originals.add(Files.readAllBytes(f));
            }
        }
        assertTrue(originals.size() >= 4, "expected the scenarios of scenarios/*.yaml, found " + originals.size());
    }

    @AfterAll
    static void tearDown() {
        host.close();
    }

    /** A named mutation of a scenario's bytes. */
    private record Mutation(String name, BiFunction<byte[], SplittableRandom, byte[]> apply) {
    }

    private static final Pattern VALUE = Pattern.compile("(?m)^(\\s*[A-Za-z][A-Za-z0-9]*:)[ ]+(\\S[^\\n]*)$");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE]-?\\d+)?");
    private static final Pattern UNIT = Pattern.compile("(?<=\\d)(GHz|MHz|ns|us|uS|pJ|s|y|h|d)\\b");

    private static final String[] WRONG_TYPES = {"[1, 2, 3]", "{a: 1}", "true", "null", "~", "''", "'text'", "-1",
        "1e309", ".nan", ".inf", "-.inf", "0x10", "0o17", "99999999999999999999999999", "1_000", "2001-12-14",
        "!!binary aGVsbG8=", "[[[[]]]]", "{}", "[]", "|\n    multi\n    line", ">\n    folded", "\"\\u0000\"",
        "\"a\\nb\"", "- item", "&anchor 5", "*nosuch", "? complex", "!!str 5", "!!int 'x'", "!!float 1uS"};
    private static final String[] HUGE = {"1e308", "1e309", "-1e309", "9223372036854775807", "9223372036854775808",
        "-9223372036854775809", "2147483648", "4294967296", "340282366920938463463374607431768211456",
        "0.000000000000000000000000000000000000000000000000001", "1" + "0".repeat(400), "NaN", "Infinity"};
    private static final String[] UNITS = {"parsecs", "uF", "GHzz", "nss", "u S", "kHz", "mS", "S", "ps", "J",
        "\u00b5S", "e3", "ns ns", "/s", "%", "..", "nS", "Hz", "fJ", "years", "\u0000"};
    private static final String[] TAGS = {"!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader "
        + "[[!!java.net.URL [\"http://localhost/\"]]]]", "!!java.io.File [\"/etc/passwd\"]",
        "!!org.xbarsim.engine.scenario.Scenario {}", "!<tag:yaml.org,2002:java.lang.Runtime> {}",
        "!custom 5", "!!java.io.File\n    path: /etc/passwd", "!!python/object:os.system [ls]", "!!set {a, b}", "!!omap [a: 1]", "!!timestamp 2001-12-14"};

    private static final List<Mutation> MUTATIONS = List.of(
            new Mutation("byte flips", (b, r) -> {
                byte[] c = b.clone();
                for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) {
                    c[r.nextInt(c.length)] ^= (byte) (1 << r.nextInt(8));
                }
                return c;
            }),
            new Mutation("random bytes", (b, r) -> {
                byte[] c = b.clone();
                for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) {
                    c[r.nextInt(c.length)] = (byte) r.nextInt(256);
                }
                return c;
            }),
            new Mutation("truncation", (b, r) -> java.util.Arrays.copyOf(b, r.nextInt(b.length))),
            new Mutation("deleted line", (b, r) -> lines(b, r, (lines, i) -> lines.remove((int) i))),
            new Mutation("duplicated line", (b, r) -> lines(b, r, (lines, i) -> lines.add(i, lines.get(i)))),
            new Mutation("swapped lines", (b, r) -> lines(b, r, (lines, i) -> {
                int j = r.nextInt(lines.size());
                String t = lines.get(i);
                lines.set(i, lines.get(j));
                lines.set(j, t);
            })),
            new Mutation("re-indented line", (b, r) -> lines(b, r, (lines, i) -> lines.set(i,
                    " ".repeat(r.nextInt(7)) + (r.nextBoolean() ? "\t" : "") + lines.get(i).strip()))),
            new Mutation("wrong type", (b, r) -> replaceValue(b, r, WRONG_TYPES[r.nextInt(WRONG_TYPES.length)])),
            new Mutation("huge number", (b, r) -> replaceMatch(b, r, NUMBER, HUGE[r.nextInt(HUGE.length)])),
            new Mutation("bad unit", (b, r) -> replaceMatch(b, r, UNIT, UNITS[r.nextInt(UNITS.length)])),
            new Mutation("unknown key", (b, r) -> lines(b, r, (lines, i) -> lines.add(i,
                    " ".repeat(2 * r.nextInt(3)) + "x" + Integer.toString(r.nextInt(1 << 20), 36) + ": 1"))),
            new Mutation("type tag", (b, r) -> replaceValue(b, r, TAGS[r.nextInt(TAGS.length)])),
            new Mutation("deep nesting", (b, r) -> {
                int depth = 10 + r.nextInt(5000);
                String nested = switch (r.nextInt(3)) {
                    case 0 -> "[".repeat(depth) + "]".repeat(depth);
                    case 1 -> "{a: ".repeat(depth) + "1" + "}".repeat(depth);
                    default -> {
                        StringBuilder s = new StringBuilder();
                        for (int i = 0; i < Math.min(depth, 400); i++) {
                            s.append("\n").append(" ".repeat(i + 4)).append("k").append(i).append(":");
                        }
                        yield s.append(" 1").toString();
                    }
                };
                return replaceValue(b, r, nested);
            }),
            new Mutation("billion laughs", (b, r) -> {
                // As lists (refused as values at once) and as mappings, which the loader walks: 9^20 keys
                // if it expanded them.
                boolean lists = r.nextBoolean();
                StringBuilder s = new StringBuilder(lists ? "a0: &a0 [\"lol\", \"lol\", \"lol\"]\n"
                        : "a0: &a0 {l: lol, m: lol, n: lol}\n");
                for (int i = 1; i < 10 + r.nextInt(20); i++) {
                    s.append("a").append(i).append(": &a").append(i).append(lists ? " [" : " {");
                    for (int k = 0; k < 9; k++) {
                        s.append(k == 0 ? "" : ", ").append(lists ? "" : "k" + k + ": ").append("*a").append(i - 1);
                    }
                    s.append(lists ? "]\n" : "}\n");
                }
                byte[] bomb = s.toString().getBytes(StandardCharsets.UTF_8);
                return r.nextBoolean() ? concat(bomb, b) : concat(b, bomb);
            }),
            new Mutation("aliases", (b, r) -> replaceValue(b, r, r.nextBoolean() ? "*a" : "&a " + "x".repeat(5))),
            new Mutation("binary junk", (b, r) -> {
                byte[] junk = new byte[1 + r.nextInt(2000)];
                r.nextBytes(junk);
                int at = r.nextInt(b.length + 1);
                return concat(concat(java.util.Arrays.copyOf(b, at), junk),
                        java.util.Arrays.copyOfRange(b, at, b.length));
            }),
            new Mutation("long string", (b, r) -> {
                // Up to twice the file limit: both sides of it.
                int length = r.nextInt(4) == 0 ? (int) ScenarioLoader.MAX_FILE_BYTES - 200 + r.nextInt(400)
                        : r.nextInt(200_000);
                String s = "y".repeat(length);
                return r.nextBoolean() ? replaceValue(b, r, s) : lines(b, r, (lines, i) -> lines.add(i, s + ": 1"));
            }),
            new Mutation("encoding", (b, r) -> switch (r.nextInt(4)) {
                case 0 -> concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, b);
                case 1 -> new String(b, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16);
                case 2 -> new String(b, StandardCharsets.UTF_8).replace("\n", "\r").getBytes(StandardCharsets.UTF_8);
                default -> new String(b, StandardCharsets.UTF_8).replace(" ", "\u00a0").getBytes(StandardCharsets.UTF_8);
            }),
            new Mutation("document markers", (b, r) -> concat(b, switch (r.nextInt(3)) {
                case 0 -> "\n---\nname: second\n".getBytes(StandardCharsets.UTF_8);
                case 1 -> "\n...\n%YAML 1.1\n---\n".getBytes(StandardCharsets.UTF_8);
                default -> "\n%TAG ! tag:evil.example,2000:\n".getBytes(StandardCharsets.UTF_8);
            })));

    @Test
    void everyMalformedScenarioLoadsOrFailsWithOneLineNamingTheFile() throws IOException {
        SplittableRandom random = new SplittableRandom(SEED);
        ScenarioLoader loader = new ScenarioLoader(catalog);
        TreeMap<String, int[]> outcomes = new TreeMap<>();
        Path file = dir.resolve("fuzzed.yaml");
        for (int c = 0; c < CASES; c++) {
            Mutation mutation = MUTATIONS.get(random.nextInt(MUTATIONS.size()));
            byte[] original = originals.get(random.nextInt(originals.size()));
            byte[] bytes = mutation.apply().apply(original, random.split());
            // Sometimes a second mutation on top of the first.
            if (random.nextInt(4) == 0) {
                bytes = MUTATIONS.get(random.nextInt(MUTATIONS.size())).apply().apply(bytes, random.split());
            }
            Files.write(file, bytes);
            String context = "case " + c + " (" + mutation.name() + ")";
            int[] counts = outcomes.computeIfAbsent(mutation.name(), k -> new int[3]);
            long t0 = System.nanoTime();
            // A hang guard only: a case takes milliseconds.
            Throwable thrown = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                try {
                    loader.load(file, List.of(), null);
                    return null;
                } catch (Throwable t) {
                    return t;
                }
            }, context);
            counts[2] += (int) ((System.nanoTime() - t0) / 1_000_000);
            if (thrown == null) {
                counts[0]++;
                continue;
            }
            counts[1]++;
            if (!(thrown instanceof InputError)) {
                fail(context + ": expected a valid scenario or an InputError, got " + thrown, thrown);
            }
            String message = thrown.getMessage();
            assertTrue(message.startsWith(file.toString()), () -> context + ": message does not name the file: "
                    + message);
            assertFalse(message.contains("\n") || message.contains("\r"), () -> context + ": not one line: " + message);
            assertFalse(message.contains("Exception"), () -> context + ": an exception's name in: " + message);
            assertTrue(message.length() < 2_000, () -> context + ": message of " + message.length() + " characters");
        }
        // Each kind of mutation ran and the generator is not trivially producing only valid or only
        // broken scenarios.
        for (Mutation m : MUTATIONS) {
            assertTrue(outcomes.containsKey(m.name()), "mutation never drawn: " + m.name());
        }
        System.out.println("ScenarioFuzzTest: " + describe(outcomes));
        int errors = outcomes.values().stream().mapToInt(v -> v[1]).sum();
        assertTrue(errors > CASES / 2 && errors < CASES, "errors " + errors + " of " + CASES + ": " + describe(outcomes));
    }

    private static String describe(TreeMap<String, int[]> outcomes) {
        StringBuilder s = new StringBuilder();
        outcomes.forEach((k, v) -> s.append(k).append(' ').append(v[0]).append(" valid/").append(v[1]).append(" errors, ")
                .append(v[2]).append(" ms; "));
        return s.toString();
    }

    private interface LineEdit {
        void edit(List<String> lines, Integer index);
    }

    private static byte[] lines(byte[] b, SplittableRandom r, LineEdit edit) {
        List<String> lines = new ArrayList<>(List.of(new String(b, StandardCharsets.UTF_8).split("\n", -1)));
        edit.edit(lines, r.nextInt(lines.size()));
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    /** Replaces one "key: value" line's value. */
    private static byte[] replaceValue(byte[] b, SplittableRandom r, String value) {
        String text = new String(b, StandardCharsets.UTF_8);
        Matcher m = VALUE.matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(2), m.end(2)});
        }
        if (spans.isEmpty()) {
            return concat(b, ("\nkey: " + value).getBytes(StandardCharsets.UTF_8));
        }
        int[] span = spans.get(r.nextInt(spans.size()));
        return (text.substring(0, span[0]) + value + text.substring(span[1])).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] replaceMatch(byte[] b, SplittableRandom r, Pattern pattern, String replacement) {
        String text = new String(b, StandardCharsets.UTF_8);
        Matcher m = pattern.matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return b;
        }
        int[] span = spans.get(r.nextInt(spans.size()));
        return (text.substring(0, span[0]) + replacement + text.substring(span[1])).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
