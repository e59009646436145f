package org.xbarsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.engine.summary.RunSummary;

/**
 * The README's Java example (scenarios/examples/ExploreFromJava.java) compiled against the library
 * as a user compiles it, and run: a run, a sweep and a search, with figures that make sense; the same
 * for the periphery's figure program.
 */
class ExampleIT {
    @TempDir
    Path classes;

    @Test
    void theJavaExampleRunsASweepAndASearch() throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        // The class path a user gives it: the jars and directories there are (this module has no classes).
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = javac.run(null, null, diagnostics, "-classpath", classPath(), "-d", classes.toString(),
                "-Xlint:all", "-Werror", "-proc:none", "examples/ExploreFromJava.java");
        assertEquals(0, status, () -> "the example compiles without a warning: " + diagnostics);
        String out = runMain();
        List<String> lines = out.lines().toList();
        assertTrue(lines.get(0).startsWith("run: Pfail "), out);
        assertEquals(6, lines.stream().filter(l -> l.startsWith("sweep: ")).count(), out);
        // More MSP pulses, fewer failures: at 10 bits, a budget of 5 fails more weights than one of 40.
        assertTrue(pfail(out, "programming.nMsp=5 chip.adc.bits=10") > pfail(out, "programming.nMsp=40 chip.adc.bits=10"),
                out);
        Matcher best = Pattern.compile("search: best of (\\d+) runs: .* in ([0-9.]+) ms").matcher(out);
        assertTrue(best.find(), out);
        assertEquals(16, Integer.parseInt(best.group(1)));
        assertTrue(Double.parseDouble(best.group(2)) <= 1.0, "the best run keeps the 1 ms limit: " + out);
    }

    /** The periphery's figure program (scenarios/periphery/PeripheryFigures.java) compiles and draws from points. */
    @Test
    void thePeripheryFiguresDrawFromASweepsPoints(@TempDir Path sweep) throws Exception {
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, diagnostics, "-classpath", classPath(),
                "-d", classes.toString(), "-Xlint:all", "-Werror", "-proc:none", "periphery/PeripheryFigures.java");
        assertEquals(0, status, () -> "compiles without a warning: " + diagnostics);
        for (int bits = 4; bits <= 6; bits++) {
            Path point = Files.createDirectories(sweep.resolve("points/" + (bits - 4)));
            Files.writeString(point.resolve("summary.json"), point(bits).toJson());
        }
        Path png = sweep.resolve("figure.png");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                getClass().getClassLoader())) {
            loader.loadClass("PeripheryFigures").getMethod("main", String[].class)
                    .invoke(null, (Object) new String[] {"adc-bits", sweep.toString(), png.toString()});
        }
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(3 * 560, image.getHeight(), "three panels one above the other");
    }

    private static RunSummary point(int bits) {
        RunSummary.Outcome o = new RunSummary.Outcome(1, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1e-3, 1e-6);
        RunSummary.Inference i = new RunSummary.Inference("1s", 10, null, null, null, null, 4e-7, 6e-9,
                new RunSummary.InferenceEnergy(1e-9, bits * 1e-10, 3e-9, 3e-10), null, 2.6e5, 20.0, null, null, null, null);
        return new RunSummary(RunSummary.FORMAT, "test", new RunSummary.ScenarioRef("h", "h.yaml", 1), null,
                java.util.Map.of("chip.adc.bits", String.valueOf(bits)), new RunSummary.Chip(1, (1 << bits) * 3e-10,
                1.0 + bits / 100.0, 1.0 + bits / 100.0, new RunSummary.ChipArea(0.26, bits / 100.0, 0.01, 0.46)),
                new RunSummary.Programming(o, null, null, List.of(), List.of(), null), i, null, null, null);
    }

    private static String classPath() {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> Files.exists(Path.of(p))).collect(Collectors.joining(File.pathSeparator));
    }

    private String runMain() throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                getClass().getClassLoader())) {
            loader.loadClass("ExploreFromJava").getMethod("main", String[].class)
                    .invoke(null, (Object) new String[] {Runs.pluginDir(), "tile-rowwise.yaml"});
        } finally {
            System.setOut(saved);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static double pfail(String out, String label) {
        Matcher m = Pattern.compile(Pattern.quote(label) + "\\s+Pfail\\s+([0-9.]+)%").matcher(out);
        assertTrue(m.find(), label + " in " + out);
        return Double.parseDouble(m.group(1));
    }
}
