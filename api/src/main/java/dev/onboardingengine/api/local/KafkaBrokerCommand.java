package dev.onboardingengine.api.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.slf4j.LoggerFactory;
import org.springframework.modulith.NamedInterface;

import dev.onboardingengine.workflow.broker.LocalKafkaBroker;

/**
 * {@code kafka-broker [--port 9092] [--data-dir ./data/kafka]}: the embedded default's single-node
 * KRaft broker as a process of its own, on 127.0.0.1, until it is stopped (Ctrl-C or SIGTERM: a
 * controlled shutdown). Several engine nodes on one machine share it, as they would share a Kafka
 * cluster: README, Run a cluster. Not a production broker (one node, loopback only, no replication).
 *
 * <p>Defaults: {@code ONBOARDING_EMBEDDED_KAFKA_PORT}, else 9092; {@code ONBOARDING_KAFKA_DATA_DIR},
 * else {@code ./data/kafka}. Records and offsets survive a restart on the same directory.
 */
@NamedInterface("boot")
public final class KafkaBrokerCommand {

    static final String NAME = "kafka-broker";
    private static final String USAGE = "Usage: kafka-broker [--port 9092] [--data-dir ./data/kafka]";

    private KafkaBrokerCommand() {
    }

    public static boolean isInvokedBy(String[] args) {
        return args.length > 0 && NAME.equals(args[0]);
    }

    /** Runs the broker until the JVM is asked to stop; returns the exit code when it cannot start. */
    @SuppressWarnings("java:S106") // a command-line tool talks to its terminal
    public static int runFromTerminal(String[] args) throws InterruptedException {
        // Without a Spring context Logback runs on its defaults: DEBUG for every Kafka class.
        if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext logback) {
            logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.INFO);
            logback.getLogger("org.apache.kafka").setLevel(ch.qos.logback.classic.Level.WARN);
            logback.getLogger("kafka").setLevel(ch.qos.logback.classic.Level.WARN);
        }
        Settings settings = Settings.parse(args, System.getenv(), System.err);
        if (settings == null) {
            return 2;
        }
        LocalKafkaBroker broker;
        try {
            broker = LocalKafkaBroker.start(settings.dataDirectory(), settings.port());
        } catch (IllegalStateException e) {
            System.err.println("The Kafka broker did not start: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "kafka-broker-shutdown"));
        System.out.printf("Kafka broker ready at %s (data in %s); stop it with Ctrl-C%n", broker.bootstrapServers(),
                settings.dataDirectory().toAbsolutePath());
        stopped.await();
        return 0;
    }

    record Settings(int port, Path dataDirectory) {

        /** @return null, after printing the usage, when the arguments are wrong */
        static Settings parse(String[] args, Map<String, String> environment, PrintStream err) {
            String port = environment.getOrDefault("ONBOARDING_EMBEDDED_KAFKA_PORT", "9092");
            String dataDirectory = environment.getOrDefault("ONBOARDING_KAFKA_DATA_DIR", "./data/kafka");
            for (int i = 1; i < args.length; i++) {
                if (args[i].equals("--port") && i + 1 < args.length) {
                    port = args[++i];
                } else if (args[i].equals("--data-dir") && i + 1 < args.length) {
                    dataDirectory = args[++i];
                } else {
                    err.println(USAGE);
                    return null;
                }
            }
            try {
                int number = Integer.parseInt(port);
                if (number < 1 || number > 65_535) {
                    throw new NumberFormatException();
                }
                return new Settings(number, Path.of(dataDirectory));
            } catch (NumberFormatException e) {
                err.println("--port must be a port number (1-65535), was " + port);
                err.println(USAGE);
                return null;
            }
        }
    }
}
