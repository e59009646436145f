package org.xbarsim.scenarios;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** What the cluster ITs share: a temporary directory, and JVMs started in it that all go after each test. */
abstract class ClusterJvmTest {
    @TempDir
    Path dir;

    Jvms jvms;

    @BeforeEach
    void jvms() {
        jvms = new Jvms(dir);
    }

    /** Every JVM the test started goes, whatever happened. */
    @AfterEach
    void stopEverything() throws InterruptedException {
        jvms.close();
    }

    Process java(String log, String classPath, String main, String... args) throws IOException {
        return jvms.java(log, classPath, main, args);
    }

    Process xbarsim(String log, String... args) throws IOException {
        return jvms.xbarsim(log, args);
    }

    String log(String name) {
        return jvms.log(name);
    }

    static void await(String what, long seconds, BooleanSupplier done) throws InterruptedException {
        Jvms.await(what, seconds, done);
    }
}
