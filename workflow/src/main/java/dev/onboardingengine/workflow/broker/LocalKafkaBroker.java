package dev.onboardingengine.workflow.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 */
public final class LocalKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalKafkaBroker.class);

    private static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String META_PROPERTIES = "meta.properties";

    /** Bounds the wait for the broker to accept requests after {@link KafkaRaftServer#startup()}. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    /** A port we chose ourselves may be taken by someone else between probing and binding. */
    private static final int BIND_ATTEMPTS = 3;

    private static final long MIB = 1024L * 1024L;

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

        for (int attempt = 1; ; attempt++) {
            int brokerPort = port == 0 ? freeLoopbackPort() : port;
            int controllerPort = freeLoopbackPort();
            Map<String, Object> properties = serverProperties(directory, brokerPort, controllerPort);
            KafkaConfig config = new KafkaConfig(properties, false);
            formatIfNeeded(directory, properties);

            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            try {
                server.startup();
            } catch (Exception e) { // Scala code may throw undeclared checked exceptions
                stopQuietly(server);
                // Retry only when a port we picked ourselves was grabbed in the meantime, not when
                // the caller's own port is taken.
                boolean callersPortTaken = port != 0 && mentions(e, HOST + ":" + port);
                boolean retryable = isBindFailure(e) && !callersPortTaken && attempt < BIND_ATTEMPTS;
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

    private static Map<String, Object> serverProperties(Path directory, int brokerPort, int controllerPort) {
        Map<String, Object> p = new HashMap<>();
        // KRaft combined mode: one process is the only controller (static quorum) and the only broker.
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://" + HOST + ":"
                + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", directory.toString());
        p.put("metadata.log.dir", directory.toString());

        // A single replica of everything.
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("min.insync.replicas", "1");
        p.put("default.replication.factor", "1");
        p.put("num.partitions", "3");
        p.put("auto.create.topics.enable", "true");
        p.put("group.initial.rebalance.delay.ms", "0");

        // Laptop-sized footprint: fewer internal partitions, small segments and indexes, bounded
        // retention, a small log-cleaner buffer (the default allocates 128 MiB of heap up front) and
        // fewer threads.
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("offsets.topic.segment.bytes", String.valueOf(16 * MIB));
        p.put("transaction.state.log.segment.bytes", String.valueOf(16 * MIB));
        p.put("log.segment.bytes", String.valueOf(16 * MIB));
        p.put("log.index.size.max.bytes", String.valueOf(MIB));
        p.put("log.retention.bytes", String.valueOf(256 * MIB));
        p.put("log.retention.hours", "168");
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * MIB));
        p.put("log.cleaner.threads", "1");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("background.threads", "4");
        p.put("num.recovery.threads.per.data.dir", "1");

        // Bound how long startup may wait on the embedded controller instead of forever.
        p.put("server.max.startup.time.ms", "60000");
        return p;
    }

    /**
     * Runs {@code kafka-storage.sh format} in-process, once. The cluster id is generated here and
     * persisted in {@code meta.properties}, which is what makes later starts reuse the data.
     * {@link StorageTool} is used rather than {@code org.apache.kafka.metadata.storage.Formatter}
     * because it is the tool's stable entry point and lives in {@code kafka_2.13} itself (the
     * Formatter's module is only a runtime dependency of it).
     */
    private static void formatIfNeeded(Path directory, Map<String, Object> serverProperties) {
        if (Files.exists(directory.resolve(META_PROPERTIES))) {
            log.debug("Kafka data directory {} already formatted", directory);
            return;
        }
        String clusterId = Uuid.randomUuid().toString();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Path configFile = null;
        try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            configFile = Files.createTempFile("local-kafka-broker", ".properties");
            Properties properties = new Properties();
            serverProperties.forEach((key, value) -> properties.setProperty(key, String.valueOf(value)));
            try (OutputStream out = Files.newOutputStream(configFile)) {
                properties.store(out, "LocalKafkaBroker format");
            }
            int exitCode = StorageTool.execute(new String[] {
                    "format", "--config", configFile.toString(), "--cluster-id", clusterId}, printStream);
            if (exitCode != 0) {
                throw new IllegalStateException("kafka-storage format exited with " + exitCode + ": "
                        + output.toString(StandardCharsets.UTF_8).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot format Kafka data directory " + directory, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot format Kafka data directory " + directory + ": "
                    + output.toString(StandardCharsets.UTF_8).strip(), e);
        } finally {
            deleteQuietly(configFile);
        }
        log.info("Formatted Kafka data directory {} with cluster id {}: {}", directory, clusterId,
                output.toString(StandardCharsets.UTF_8).strip());
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.debug("Cannot delete temporary file {}", file, e);
        }
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free loopback port", e);
        }
    }

    private static boolean isBindFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentions(Throwable failure, String text) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(text)) {
                return true;
            }
        }
        return false;
    }

    private static void stopQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            log.debug("Ignoring failure while stopping a Kafka broker that failed to start", e);
        }
    }

    /**
     * Kafka's server classes log their whole configuration and every internal state change at INFO.
     * When the logging backend is Logback (Spring Boot's default) and the application has not
     * configured these loggers itself, raise them to WARN. Client loggers are left alone.
     */
    static final class KafkaServerLogging {

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
    }

    /** Isolated so that Logback classes are only resolved when Logback is the SLF4J backend. */
    private static final class LogbackLevels {

        static void setIfUnset(List<String> names, String level) {
            ch.qos.logback.classic.LoggerContext context =
                    (ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory();
            for (String name : names) {
                ch.qos.logback.classic.Logger logger = context.getLogger(name);
                if (logger.getLevel() == null) {
                    logger.setLevel(ch.qos.logback.classic.Level.toLevel(level));
                }
            }
        }
    }
}
