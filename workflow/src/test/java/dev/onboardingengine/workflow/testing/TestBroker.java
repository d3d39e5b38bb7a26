package dev.onboardingengine.workflow.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.kafka.KafkaContainer;

import dev.onboardingengine.workflow.broker.LocalKafkaBroker;

/**
 * The Kafka broker every integration test runs on: Testcontainers' apache/kafka where a Docker
 * engine runs, otherwise the engine's own in-process KRaft broker. One per test JVM.
 */
public final class TestBroker {

    private static final Logger log = LoggerFactory.getLogger(TestBroker.class);

    private static TestBroker instance;

    private final String bootstrapServers;

    private TestBroker(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public static synchronized TestBroker get() {
        if (instance == null) {
            instance = DockerAvailability.isAvailable() ? container() : inProcess();
        }
        return instance;
    }

    @SuppressWarnings("resource")
    private static TestBroker container() {
        KafkaContainer kafka = new KafkaContainer("apache/kafka:3.9.1");
        kafka.start();
        log.info("Tests use Kafka in a container at {}", kafka.getBootstrapServers());
        return new TestBroker(kafka.getBootstrapServers());
    }

    private static TestBroker inProcess() {
        try {
            Path dir = Files.createTempDirectory("onboarding-test-kafka");
            LocalKafkaBroker broker = LocalKafkaBroker.start(dir, 0);
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
            log.info("No Docker engine here: tests use the in-process KRaft broker at {}", broker.bootstrapServers());
            return new TestBroker(broker.bootstrapServers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }
}
