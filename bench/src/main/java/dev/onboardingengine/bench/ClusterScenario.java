package dev.onboardingengine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scenario 6 ({@code --cluster}, PostgreSQL only): the same intake on one engine node and on two, each
 * run on a fresh database with a broker process of its own ({@code kafka-broker}); the engines are the
 * jar as child processes, the hires go round-robin to the nodes' REST APIs from {@code --clients}
 * clients, and the run ends when every hire's journey is {@code invitation_sent}. Two nodes on two
 * cores share the same CPUs and the same database: the ratio shows what coordination costs (job
 * locking, partition rebalancing, two JVMs) more than what scaling out gains on real machines.
 */
final class ClusterScenario {

    static final String SCENARIO = "6 cluster";

    private final BenchOptions options;
    private final Results results;

    ClusterScenario(BenchOptions options, Results results) {
        this.options = options;
        this.results = results;
    }

    void run() throws IOException {
        if (!options.database().equals("postgres") || !Files.isRegularFile(options.engineJar())) {
            results.note("Notes", "- Cluster skipped: it needs --database=postgres and " + options.engineJar() + ".");
            return;
        }
        double one = intakeOn(1);
        double two = intakeOn(2);
        results.add(SCENARIO, "intake on 1 node (hires/s, until invitation_sent)", one, "hires/s", "");
        results.add(SCENARIO, "intake on 2 nodes, same database and broker", two, "hires/s", "");
        results.add(SCENARIO, "2 nodes / 1 node", two / one, "x",
                "two cores: coordination costs more than scale gains");
        Progress.say("Scenario 6: 1 node %.1f hires/s, 2 nodes %.1f hires/s, ratio %.2f", one, two, two / one);
    }

    private double intakeOn(int nodes) throws IOException {
        String server = "jdbc:postgresql://" + options.postgresHost() + ":" + options.postgresPort() + "/";
        String database = "onboarding_bench_cluster_" + nodes + "_" + ProcessHandle.current().pid();
        sql(server + "postgres", "drop database if exists " + database + " with (force)");
        sql(server + "postgres", "create database " + database);
        Path directory = Files.createTempDirectory("onboarding-cluster-");
        int brokerPort = EngineUnderTest.freePort();
        List<Process> processes = new ArrayList<>();
        try {
            Process broker = child(directory.resolve("broker.log"), Map.of(), "kafka-broker", "--port",
                    String.valueOf(brokerPort), "--data-dir", directory.resolve("kafka").toString());
            processes.add(broker);
            awaitBroker(broker, directory.resolve("broker.log"), brokerPort);
            String key = Base64.getEncoder().encodeToString(new java.security.SecureRandom().generateSeed(32));
            List<Http> apis = new ArrayList<>();
            for (int n = 0; n < nodes; n++) {
                int port = EngineUnderTest.freePort();
                processes.add(child(directory.resolve("node-" + n + ".log"),
                        Map.of("SPRING_PROFILES_ACTIVE", "postgres",
                                "DATABASE_URL", server + database, "DATABASE_USERNAME", options.postgresUser(),
                                "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + brokerPort, "ONBOARDING_SECRETS_KEY", key,
                                "ONBOARDING_ADMIN_TOKEN", EngineUnderTest.TOKEN, "SERVER_PORT", String.valueOf(port))));
                apis.add(new Http("http://127.0.0.1:" + port, EngineUnderTest.TOKEN));
            }
            Deadline.sleep(Duration.ofSeconds(2));
            for (Http api : apis) {
                Deadline.await(() -> ready(api), Duration.ofSeconds(300), Duration.ofMillis(500));
            }
            Progress.say("Scenario 6: %d node(s) ready, %d hires", nodes, options.hires());
            long started = System.nanoTime();
            AtomicInteger next = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(options.clients());
            for (int c = 0; c < options.clients(); c++) {
                clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < options.hires(); i = next.getAndIncrement()) {
                        apis.get(i % apis.size()).postJson("/api/users/",
                                """
                                        {"first_name":"Clu","last_name":"S%d","email":"cluster-%d@example.com","start_day":"%s",\
                                        "timezone":"UTC","role":0}"""
                                        .formatted(i, i, IntakeScenario.ENGINE_START_DAY));
                    }
                });
            }
            clients.shutdown();
            Deadline.await(() -> invited(server + database) >= options.hires(), Duration.ofSeconds(600),
                    Duration.ofMillis(250));
            return options.hires() / ((System.nanoTime() - started) / 1e9);
        } finally {
            for (int p = processes.size() - 1; p >= 0; p--) {
                Process process = processes.get(p);
                process.destroy();
                try {
                    if (!process.waitFor(30, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            sql(server + "postgres", "drop database if exists " + database + " with (force)");
        }
    }

    /**
     * Until the broker prints that it is ready: on busy cores its KRaft controller can time out while
     * starting, and the process then exits; the nodes would wait for it for ever, and the run with them.
     */
    private static void awaitBroker(Process broker, Path log, int port) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.readString(log).contains("Kafka broker ready at 127.0.0.1:" + port)) {
                return;
            }
            if (!broker.isAlive()) {
                throw new IllegalStateException("The broker process exited before it was ready; its log: " + log);
            }
            Deadline.sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException("The broker was not ready in 300 s; its log: " + log);
    }

    private static boolean ready(Http api) {
        try {
            return api.get("/actuator/health/readiness").statusCode() == 200;
        } catch (IllegalStateException notYet) {
            return false;
        }
    }

    private Process child(Path log, Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar", options.engineJar().toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return builder.start();
    }

    private long invited(String url) {
        try (Connection connection = DriverManager.getConnection(url, options.postgresUser(), "");
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "select count(distinct journey_id) from journey_status_change where status = 'invitation_sent'")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return 0;
        }
    }

    private void sql(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url, options.postgresUser(), "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + url + " refused '" + sql + "': " + e.getMessage(), e);
        }
    }
}
