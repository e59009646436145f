package org.xbarsim.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The repository's modules as these tests see them: every {@code src/main/java} directory, and the
 * classes compiled from it ({@code target/classes}), found by walking the checkout from its root.
 */
final class Modules {
    /** The checkout's root: this module is tools/architecture. */
    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    private static JavaClasses classes;

    private Modules() {
    }

    /** Every module's main source directory. */
    static List<Path> sourceDirs() {
        return moduleDirs().stream().map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList();
    }

    /** Every module's compiled main classes, imported once. */
    static synchronized JavaClasses classes() {
        if (classes == null) {
            List<Path> dirs = moduleDirs().stream().map(m -> m.resolve("target/classes")).filter(Files::isDirectory)
                    .toList();
            classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPaths(dirs);
        }
        return classes;
    }

    /** The directories of the checkout that are Maven modules with Java sources (a pom.xml and a src/). */
    private static List<Path> moduleDirs() {
        try (Stream<Path> walk = Files.walk(ROOT, 4)) {
            return walk.filter(d -> Files.isRegularFile(d.resolve("pom.xml")) && Files.isDirectory(d.resolve("src")))
                    .filter(d -> !d.toString().contains("/target/") && !d.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
