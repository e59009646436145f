package org.xbarsim.engine.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.api.device.DeviceModel;

/**
 * PF4J loads a real plugin jar from the plugin directory. The plugin is compiled here, at test time,
 * against sim-api (the engine cannot depend on the plugin modules, which depend on it), so its class
 * is on no class path but the plugin's own.
 */
class PluginCatalogTest {
    @TempDir
    Path work;

    private static final String SOURCE = """
            package test.plugin;

            import java.util.List;
            import org.pf4j.Extension;
            import org.xbarsim.api.device.DeviceArray;
            import org.xbarsim.api.device.DeviceModel;
            import org.xbarsim.api.param.ParameterSpec;
            import org.xbarsim.api.param.Parameters;
            import org.xbarsim.api.random.RandomStream;

            @Extension
            public class TinyDevice implements DeviceModel {
                public String id() { return "tiny"; }
                public String description() { return "a device compiled by a test"; }
                public List<ParameterSpec> parameters() { return List.of(); }
                public DeviceArray fabricate(Parameters p, int count, RandomStream r) {
                    throw new UnsupportedOperationException("not needed");
                }
            }
            """;

    @Test
    void loadsTheExtensionsOfAPluginJarAndNamesItsOrigin() throws IOException {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        buildPlugin(plugins.resolve("tiny-plugin.jar"));
        try (PluginCatalog catalog = PluginCatalog.load(plugins)) {
            DeviceModel tiny = catalog.device("tiny").orElseThrow();
            assertEquals("a device compiled by a test", tiny.description());
            assertEquals("tiny-plugin@1.2.3", catalog.originOf(tiny));
            assertTrue(catalog.policy("tiny").isEmpty());
            assertThrows(ClassNotFoundException.class, () -> Class.forName("test.plugin.TinyDevice"),
                    "the plugin class must not leak onto the host class path");
        }
    }

    /**
     * Run in a JVM of its own by the test below, with the plugin jar on its class path: prints the
     * device ids the catalog of the directory {@code args[0]} holds.
     */
    public static final class ListDevices {
        public static void main(String[] args) {
            try (PluginCatalog catalog = PluginCatalog.load(Path.of(args[0]))) {
                System.out.println("devices: " + catalog.devices().stream().map(d -> d.id() + "=" + catalog.originOf(d))
                        .toList());
            }
        }
    }

    @Test
    void pluginsComeOnlyFromThePluginDirectoryNotTheClassPathNorDevelopmentMode() throws Exception {
        Path jar = Files.createDirectories(work.resolve("elsewhere")).resolve("tiny-plugin.jar");
        buildPlugin(jar);
        Path emptyPlugins = Files.createDirectories(work.resolve("plugins"));
        // A jar with an extension index on the host's class path, and PF4J's development mode asked
        // for: neither may bring in an extension the plugin directory does not hold.
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, "-Dpf4j.mode=development", "-cp",
                System.getProperty("java.class.path") + java.io.File.pathSeparator + jar, ListDevices.class.getName(),
                emptyPlugins.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.contains("devices: []"), out);

        // The same jar in the directory is found, once.
        Files.copy(jar, emptyPlugins.resolve("tiny-plugin.jar"));
        try (PluginCatalog catalog = PluginCatalog.load(emptyPlugins)) {
            assertEquals(List.of("tiny"), catalog.devices().stream().map(DeviceModel::id).toList());
        }
    }

    @Test
    void aMissingDirectoryIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PluginCatalog.load(work.resolve("nowhere")));
    }

    @Test
    void twoJarsProvidingOneIdAreBothLeftOutNamedAndTheRestLoads() throws IOException {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        buildPlugin(plugins.resolve("tiny-plugin.jar"));
        buildPlugin(plugins.resolve("evil.jar"), "evil-plugin", "evil.plugin", "tiny");
        buildPlugin(plugins.resolve("other.jar"), "other-plugin", "other.plugin", "other");
        try (PluginCatalog catalog = PluginCatalog.load(plugins)) {
            assertTrue(catalog.device("tiny").isEmpty(), "neither of two devices with one id is used");
            assertTrue(catalog.device("other").isPresent(), "the others load");
            assertEquals(1, catalog.problems().size(), catalog.problems().toString());
            String problem = catalog.problems().get(0);
            assertTrue(problem.contains("evil.jar") && problem.contains("tiny-plugin.jar")
                    && problem.contains("device model 'tiny'"), problem);
        }
    }

    private void buildPlugin(Path jar) throws IOException {
        buildPlugin(jar, "tiny-plugin", "test.plugin", "tiny");
    }

    private void buildPlugin(Path jar, String pluginId, String pkg, String deviceId) throws IOException {
        Path work = Files.createDirectories(this.work.resolve("build-" + pluginId));
        Path src = Files.createDirectories(work.resolve("src/" + pkg.replace('.', '/')));
        Path classes = Files.createDirectories(work.resolve("classes"));
        Files.writeString(src.resolve("TinyDevice.java"), SOURCE.replace("package test.plugin;", "package " + pkg + ";")
                .replace("return \"tiny\"", "return \"" + deviceId + "\""));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp",
                System.getProperty("java.class.path")));
        if (Runtime.version().feature() >= 22) {
            args.add("-proc:full"); // PF4J's processor writes META-INF/extensions.idx
        }
        args.add(src.resolve("TinyDevice.java").toString());
        // PF4J's annotation processor writes notes as it indexes the extension: kept for the message.
        java.io.ByteArrayOutputStream notes = new java.io.ByteArrayOutputStream();
        assertEquals(0, javac.run(null, notes, notes, args.toArray(String[]::new)), () -> "plugin compiles: " + notes);
        assertTrue(Files.exists(classes.resolve("META-INF/extensions.idx")), "extension index generated");

        Manifest manifest = new Manifest();
        Attributes a = manifest.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Plugin-Id", pluginId);
        a.putValue("Plugin-Version", "1.2.3");
        a.putValue("Plugin-Provider", "test");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, manifest);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                j.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                j.write(Files.readAllBytes(f));
                j.closeEntry();
            }
        }
    }
}
