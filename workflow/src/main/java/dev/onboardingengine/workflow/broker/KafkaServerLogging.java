package dev.onboardingengine.workflow.broker;

import java.util.List;

import org.slf4j.LoggerFactory;

/**
 * Kafka's server classes log their whole configuration and every internal state change at INFO.
 * When the logging backend is Logback (Spring Boot's default) and the application has not
 * configured these loggers itself, raise them to WARN. Client loggers are left alone.
 */
final class KafkaServerLogging {

    private static final List<String> SERVER_LOGGERS = List.of(
            "kafka",
            "state.change.logger",
            "org.apache.kafka.controller",
            "org.apache.kafka.coordinator",
            "org.apache.kafka.image",
            "org.apache.kafka.metadata",
            "org.apache.kafka.queue",
            "org.apache.kafka.raft",
            "org.apache.kafka.server",
            "org.apache.kafka.snapshot",
            "org.apache.kafka.storage",
            "org.apache.kafka.timeline",
            "org.apache.zookeeper");

    private KafkaServerLogging() {
    }

    static void quietenServerLoggers() {
        // Checked by name so that this class still loads when Logback is not on the classpath.
        if (!"ch.qos.logback.classic.LoggerContext".equals(LoggerFactory.getILoggerFactory().getClass().getName())) {
            return;
        }
        LogbackLevels.setIfUnset(SERVER_LOGGERS, "WARN");
        // The controller logs routine activation of a fresh or reloaded single-node quorum at WARN.
        LogbackLevels.setIfUnset(List.of("org.apache.kafka.controller.QuorumController"), "ERROR");
    }

    /** Isolated so that Logback classes are only resolved when Logback is the SLF4J backend. */
    private static final class LogbackLevels {

        static void setIfUnset(List<String> names, String level) {
            ch.qos.logback.classic.LoggerContext context = (ch.qos.logback.classic.LoggerContext) LoggerFactory
                    .getILoggerFactory();
            for (String name : names) {
                ch.qos.logback.classic.Logger logger = context.getLogger(name);
                if (logger.getLevel() == null) {
                    logger.setLevel(ch.qos.logback.classic.Level.toLevel(level));
                }
            }
        }
    }
}
