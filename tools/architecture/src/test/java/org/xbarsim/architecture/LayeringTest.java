package org.xbarsim.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of architecture.md, on every module's compiled classes: the command line on
 * the exploration library on the engine on the plugin API, never the other way; plugins (and the
 * network library they share) see the API only; the API knows nothing of Vert.x; no package of the
 * engine, the library or the command line depends on another that depends back on it.
 */
class LayeringTest {
    private static JavaClasses all() {
        JavaClasses classes = Modules.classes();
        // A rule over no classes passes: make sure every layer was found.
        for (String p : new String[] {"cli", "explore", "engine", "api", "nn", "plugins"}) {
            String prefix = "org.xbarsim." + p + ".";
            assertTrue(classes.stream().anyMatch(c -> c.getName().startsWith(prefix)),
                    () -> "no compiled classes of org.xbarsim." + p + " under " + Modules.ROOT + ": build first");
        }
        return classes;
    }

    @Test
    void dependenciesRunFromTheCommandLineThroughTheLibraryAndTheEngineToTheApi() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("cli").definedBy("org.xbarsim.cli..")
                .layer("explore").definedBy("org.xbarsim.explore..")
                .layer("engine").definedBy("org.xbarsim.engine..")
                .layer("api").definedBy("org.xbarsim.api..")
                .layer("nn").definedBy("org.xbarsim.nn..")
                .layer("plugins").definedBy("org.xbarsim.plugins..")
                .layer("bench").definedBy("org.xbarsim.bench..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("bench").mayNotBeAccessedByAnyLayer()
                .whereLayer("explore").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("engine").mayOnlyBeAccessedByLayers("explore", "cli", "bench")
                .whereLayer("nn").mayOnlyBeAccessedByLayers("plugins", "cli")
                .whereLayer("plugins").mayOnlyBeAccessedByLayers("bench")
                .check(all());
    }

    @Test
    void pluginsAndTheNetworkLibrarySeeTheApiOnly() {
        classes().that().resideInAnyPackage("org.xbarsim.plugins..", "org.xbarsim.nn..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.xbarsim.api..", "org.xbarsim.nn..",
                        "org.xbarsim.plugins..", "java..", "javax..", "org.pf4j..")
                .because("plugins compile against sim-api alone (provided scope) and are loaded by PF4J")
                .check(all());
    }

    @Test
    void theApiKnowsNothingOfVertxOrTheEngine() {
        noClasses().that().resideInAPackage("org.xbarsim.api..")
                .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "org.xbarsim.engine..",
                        "org.xbarsim.explore..", "org.xbarsim.cli..")
                .check(all());
    }

    @Test
    void noPackageCyclesInTheEngineTheLibraryOrTheCommandLine() {
        JavaClasses classes = all();
        slices().matching("org.xbarsim.engine.(*)..").should().beFreeOfCycles().check(classes);
        slices().matching("org.xbarsim.explore.(*)..").should().beFreeOfCycles().check(classes);
        slices().matching("org.xbarsim.cli.(*)..").should().beFreeOfCycles().check(classes);
        // The top packages too: each module's root (Simulator, SimulatorHost, Main) uses its subpackages,
        // which must not use it back.
        noClasses().that().resideInAPackage("org.xbarsim.engine.*..").should().dependOnClassesThat()
                .resideInAPackage("org.xbarsim.engine").check(classes);
        noClasses().that().resideInAPackage("org.xbarsim.explore.*..").should().dependOnClassesThat()
                .resideInAPackage("org.xbarsim.explore").check(classes);
        noClasses().that().resideInAPackage("org.xbarsim.cli.*..").should().dependOnClassesThat()
                .resideInAPackage("org.xbarsim.cli").check(classes);
    }
}
