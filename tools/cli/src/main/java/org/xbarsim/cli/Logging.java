package org.xbarsim.cli;

/**
 * Routes library logging to SLF4J's simple logger at warning level on standard error: PF4J reports
 * plugin load failures only through SLF4J, and Vert.x is told to use it too.
 */
final class Logging {
    private Logging() {
    }

    static void configure() {
        setDefault("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setDefault("org.slf4j.simpleLogger.logFile", "System.err");
        setDefault("vertx.logger-delegate-factory-class-name", "io.vertx.core.logging.SLF4JLogDelegateFactory");
        // Hazelcast (clustered sweeps) through SLF4J from its first line, and only its errors: its warnings
        // are about features xbarsim does not use (CP subsystem, internal JDK API access).
        setDefault("hazelcast.logging.type", "slf4j");
        setDefault("org.slf4j.simpleLogger.log.com.hazelcast", "error");
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
