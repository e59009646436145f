package org.xbarsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher (the repository's {@code xbarsim} script) in a checkout of its own whose build is
 * stale: the build it starts. Maven there is a script that writes down how it was called and fails,
 * so the launcher stops after the build.
 */
class LauncherTest {
    @TempDir
    Path checkout;

    @Test
    void theLauncherBuildsWithPackageSoNothingLandsInTheUsersMavenRepository() throws Exception {
        // Before: 'mvn install', which copied every project jar into ~/.m2 on a user's first run.
        Files.copy(Path.of("../../xbarsim"), checkout.resolve("xbarsim"));
        Files.writeString(checkout.resolve("pom.xml"), "<project/>\n");
        for (String d : List.of("simulator-core", "plugins", "tools")) {
            Files.createDirectories(checkout.resolve(d));
        }
        Path bin = Files.createDirectories(checkout.resolve("bin"));
        Path calls = checkout.resolve("mvn-calls.txt");
        Path mvn = bin.resolve("mvn");
        Files.writeString(mvn, "#!/bin/sh\necho \"$@\" >> '" + calls + "'\nexit 3\n");
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(checkout.resolve("xbarsim"), PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder pb = new ProcessBuilder("bash", checkout.resolve("xbarsim").toString(), "plugins")
                .redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), output);
        assertTrue(output.contains("xbarsim: building"), output);
        List<String> lines = Files.readAllLines(calls);
        assertEquals(1, lines.size(), lines::toString);
        List<String> args = List.of(lines.get(0).split(" "));
        assertTrue(args.contains("package"), lines.get(0));
        assertFalse(args.contains("install"), lines.get(0));
        assertTrue(args.contains("tools/cli") && args.contains("-am"), "the command line and what it needs: " + args);
    }
}
