package org.xbarsim.explore;

/**
 * Routes library logging to SLF4J's simple logger at warning level on standard error, Vert.x's
 * included. PF4J's own logging is off: its load and start failures are reported by the catalog.
 * Defaults only: a property the user set stays; and only before the loggers are made, so the host
 * sets them when it opens and the command line first thing.
 */
public final class Logging {
    private Logging() {
    }

    public static void configure() {
        setDefault("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setDefault("org.slf4j.simpleLogger.logFile", "System.err");
        setDefault("vertx.logger-delegate-factory-class-name", "io.vertx.core.logging.SLF4JLogDelegateFactory");
        // Hazelcast (clustered sweeps) through SLF4J from its first line, and only its errors: its warnings
        // are about features xbarsim does not use (CP subsystem, internal JDK API access).
        setDefault("hazelcast.logging.type", "slf4j");
        setDefault("org.slf4j.simpleLogger.log.com.hazelcast", "error");
        // PF4J logs a stack trace for every jar it cannot load; the plugin catalog collects those
        // failures and the command line reports each in one line instead (SimulatorHost.pluginProblems).
        setDefault("org.slf4j.simpleLogger.log.org.pf4j", "off");
        // A message to a consumer that has just been unregistered (a worker asking a finished coordinator
        // for more, a result after a failed tile stopped its policy) is expected at the end, not news.
        setDefault("org.slf4j.simpleLogger.log.io.vertx.core.eventbus.impl.MessageConsumerImpl", "error");
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
