package dev.onboardingengine.workflow.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.NamedInterface;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * An in-process, single-node Kafka broker in KRaft combined mode (broker and controller in one
 * process), built from Kafka's own server classes.
 *
 * <p>Why: the engine's embedded default must run with nothing installed on the machine, and tests
 * need a real broker that starts in seconds without Docker. Using {@link KafkaRaftServer} rather
 * than a test double means the engine talks to exactly the protocol it meets in production.
 *
 * <p>The data directory is both the log directory and the KRaft metadata directory. It is formatted
 * once (which writes {@code meta.properties} with a generated cluster id); later starts reuse it, so
 * topics, records and committed consumer-group offsets survive {@link #close()} and a new
 * {@link #start(Path, int)} on the same directory. Only loopback addresses are bound.
 *
 * <p>Not thread-safe for concurrent {@code start} on the same directory: Kafka locks the log
 * directory and the second start fails.
 *
 * <p>Its configuration is {@link KafkaServerProperties}, the first-use format {@link KafkaStorageFormat},
 * and the choice of ports {@link LoopbackPorts}.
 */
@NamedInterface("broker")
public final class LocalKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalKafkaBroker.class);

    private static final String HOST = KafkaServerProperties.HOST;

    /** Bounds the wait for the broker to accept requests after {@link KafkaRaftServer#startup()}. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    /** A port we chose ourselves may be taken by someone else between probing and binding. */
    private static final int BIND_ATTEMPTS = 3;

    private final KafkaRaftServer server;
    private final Path dataDirectory;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalKafkaBroker(KafkaRaftServer server, Path dataDirectory, int port) {
        this.server = server;
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /**
     * Starts a broker on {@code dataDirectory}, formatting it first if it has never been used, and
     * returns once the broker answers requests.
     *
     * @param dataDirectory where logs and KRaft metadata live; created if missing
     * @param port the PLAINTEXT port on 127.0.0.1, or 0 to pick a free one. Pass the same port
     *     again when restarting on the same directory to keep the same bootstrap address
     * @return the running broker; {@link #close()} it to stop
     * @throws IllegalStateException if the broker cannot be started or does not become ready
     */
    public static LocalKafkaBroker start(Path dataDirectory, int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        Path directory = dataDirectory.toAbsolutePath().normalize();
        KafkaServerLogging.quietenServerLoggers();
        long startedAt = System.nanoTime();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create Kafka data directory " + directory, e);
        }

        for (int attempt = 1;; attempt++) {
            int brokerPort = port == 0 ? LoopbackPorts.freeLoopbackPort() : port;
            int controllerPort = LoopbackPorts.freeLoopbackPort();
            Map<String, Object> properties = KafkaServerProperties.of(directory, brokerPort, controllerPort);
            KafkaConfig config = new KafkaConfig(properties, false);
            KafkaStorageFormat.formatIfNeeded(directory, properties);

            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            try {
                server.startup();
            } catch (Exception e) { // Scala code may throw undeclared checked exceptions
                stopQuietly(server);
                // Retry only when a port we picked ourselves was grabbed in the meantime, not when
                // the caller's own port is taken.
                boolean callersPortTaken = port != 0 && LoopbackPorts.mentions(e, HOST + ":" + port);
                boolean retryable = LoopbackPorts.isBindFailure(e) && !callersPortTaken && attempt < BIND_ATTEMPTS;
                if (!retryable) {
                    throw new IllegalStateException("Kafka broker failed to start on " + HOST + ":" + brokerPort
                            + " with data in " + directory, e);
                }
                log.warn("Kafka broker could not bind its ports (attempt {} of {}), retrying with other ports: {}",
                        attempt, BIND_ATTEMPTS, e.getMessage());
                continue;
            }

            LocalKafkaBroker broker = new LocalKafkaBroker(server, directory, brokerPort);
            try {
                broker.awaitReady();
            } catch (RuntimeException e) {
                broker.close();
                throw e;
            }
            log.info("Local Kafka broker ready at {} (data in {}, started in {} ms)",
                    broker.bootstrapServers(), directory,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
            return broker;
        }
    }

    /** The bootstrap address for clients, {@code 127.0.0.1:<port>}. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    /** Shuts the broker down (controlled shutdown, logs flushed) and waits until it has stopped. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long stoppingAt = System.nanoTime();
        server.shutdown();
        server.awaitShutdown();
        log.info("Local Kafka broker at {} stopped in {} ms", bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stoppingAt));
    }

    @Override
    public String toString() {
        return "LocalKafkaBroker[" + bootstrapServers() + ", " + dataDirectory + "]";
    }

    /**
     * {@code startup()} already waits for the broker to be unfenced, but the socket server may still
     * be opening to clients; a describeCluster that lists our node proves clients can use it.
     */
    private void awaitReady() {
        Map<String, Object> adminConfig = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "local-kafka-broker-readiness",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) READY_TIMEOUT.toMillis());
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(adminConfig)) {
            while (true) {
                long remainingMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (remainingMs <= 0) {
                    throw new IllegalStateException("Kafka broker at " + bootstrapServers()
                            + " did not accept requests within " + READY_TIMEOUT);
                }
                try {
                    int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) remainingMs))
                            .nodes().get(remainingMs, TimeUnit.MILLISECONDS).size();
                    if (nodes > 0) {
                        return;
                    }
                    Thread.sleep(50);
                } catch (ExecutionException | TimeoutException e) {
                    log.debug("Kafka broker at {} not ready yet: {}", bootstrapServers(), e.toString());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for the Kafka broker", e);
                }
            }
        }
    }

    private static void stopQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            log.debug("Ignoring failure while stopping a Kafka broker that failed to start", e);
        }
    }
}
