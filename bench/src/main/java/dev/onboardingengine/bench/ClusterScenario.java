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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scenario 6 ({@code --cluster}, PostgreSQL only): the same intake on one engine node and on two, each
 * run on a fresh database with a broker process of its own ({@code kafka-broker}); the engines are the
 * jar as child processes, the hires go round-robin to the nodes' REST APIs from {@code --clients}
 * clients, and the run ends when every accepted hire's journey is {@code invitation_sent}. Two nodes on
 * two cores share the same CPUs and the same database: the ratio shows what coordination costs (job
 * locking, partition rebalancing, two JVMs) more than what scaling out gains on real machines.
 */
final class ClusterScenario {

    static final String SCENARIO = "6 cluster";
    /** Generous: on 2 shared cores at load 20–40 a child took minutes to start (2026-12-02). */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(600);
    private static final int BROKER_ATTEMPTS = 3;
    private static final String HIRES = "select id from employee where email like 'cluster-%@example.com'";

    private final BenchOptions options;
    private final Results results;

    ClusterScenario(BenchOptions options, Results results) {
        this.options = options;
        this.results = results;
    }

    /** What one run left: hires/s, and what the database says about each accepted hire. */
    record Outcome(int nodes, int accepted, int refused, double seconds, long invited, long journeys,
            long doubledJourneys, long doubledInvitations, String load) {

        double hiresPerSecond() {
            return invited / seconds;
        }

        long lost() {
            return accepted - invited;
        }
    }

    void run() throws IOException {
        if (!options.database().equals("postgres") || !Files.isRegularFile(options.engineJar())) {
            results.note("Notes", "- Cluster skipped: it needs --database=postgres and " + options.engineJar() + ".");
            return;
        }
        results.header("cluster node flags", String.join(" ", FootprintScenario.JVM_FLAGS)
                + " (README's launch command); broker flags " + String.join(" ", ChildJvm.BROKER_FLAGS));
        Outcome one;
        Outcome two;
        try {
            one = intakeOn(1);
            report(one);
            two = intakeOn(2);
            report(two);
        } catch (IllegalStateException failed) {
            results.note("Notes", "- Cluster did not finish: " + failed.getMessage());
            Progress.say("Scenario 6: did not finish: %s", failed.getMessage());
            return;
        }
        double ratio = two.hiresPerSecond() / one.hiresPerSecond();
        results.add(SCENARIO, "2 nodes / 1 node (hires/s)", ratio, "x",
                "two cores: coordination costs more than scale gains");
        Progress.say("Scenario 6: 1 node %.1f hires/s, 2 nodes %.1f hires/s, ratio %.2f", one.hiresPerSecond(),
                two.hiresPerSecond(), ratio);
    }

    private void report(Outcome outcome) {
        String on = outcome.nodes() == 1 ? "1 node" : outcome.nodes() + " nodes, same database and broker";
        results.add(SCENARIO, "intake on " + on + " (hires/s, until invitation_sent)", outcome.hiresPerSecond(),
                "hires/s", "%d hires in %.1f s, load %s".formatted(outcome.invited(), outcome.seconds(),
                        outcome.load()));
        results.add(SCENARIO, on + ": hires accepted (201) / refused or failed", outcome.accepted() + " / "
                + outcome.refused(), "hires", "");
        results.add(SCENARIO, on + ": lost (accepted, no invitation_sent journey)", outcome.lost(), "hires",
                IntakeScenario.verdict(outcome.lost() == 0, "target 0"));
        results.add(SCENARIO, on + ": doubled (second journey / second invitation_sent)",
                outcome.doubledJourneys() + " / " + outcome.doubledInvitations(), "hires",
                IntakeScenario.verdict(outcome.doubledJourneys() + outcome.doubledInvitations() == 0, "target 0"));
    }

    private Outcome intakeOn(int nodes) throws IOException {
        String server = "jdbc:postgresql://" + options.postgresHost() + ":" + options.postgresPort() + "/";
        String database = "onboarding_bench_cluster_" + nodes + "_" + ProcessHandle.current().pid();
        String url = server + database;
        sql(server + "postgres", "drop database if exists " + database + " with (force)");
        sql(server + "postgres", "create database " + database);
        Path directory = Files.createTempDirectory("onboarding-cluster-");
        List<ChildJvm> children = new ArrayList<>();
        Progress.say("Scenario 6: %d node(s) on %s, load %s; logs in %s", nodes, database, LoadAverage.now(),
                directory);
        try {
            int brokerPort = startBroker(directory, children);
            String key = Base64.getEncoder().encodeToString(new java.security.SecureRandom().generateSeed(32));
            List<Http> apis = new ArrayList<>();
            List<ChildJvm> engines = new ArrayList<>();
            for (int n = 0; n < nodes; n++) {
                int port = EngineUnderTest.freePort();
                ChildJvm node = ChildJvm.start("node " + n, options.engineJar(), FootprintScenario.JVM_FLAGS,
                        directory.resolve("node-" + n + ".log"),
                        Map.of("SPRING_PROFILES_ACTIVE", "postgres", "DATABASE_URL", url, "DATABASE_USERNAME",
                                options.postgresUser(), "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + brokerPort,
                                "ONBOARDING_SECRETS_KEY", key, "ONBOARDING_ADMIN_TOKEN", EngineUnderTest.TOKEN,
                                "SERVER_PORT", String.valueOf(port)),
                        List.of());
                children.add(node);
                engines.add(node);
                apis.add(new Http("http://127.0.0.1:" + port, EngineUnderTest.TOKEN));
            }
            for (int n = 0; n < nodes; n++) {
                Http api = apis.get(n);
                if (!engines.get(n).await("readiness 200", () -> ready(api), START_TIMEOUT)) {
                    throw new IllegalStateException(
                            nodes + "-node run: node " + n + " not ready; its log: " + engines.get(n).log());
                }
            }
            return intake(nodes, apis, url);
        } finally {
            for (int c = children.size() - 1; c >= 0; c--) {
                children.get(c).stop();
            }
            sql(server + "postgres", "drop database if exists " + database + " with (force)");
        }
    }

    /**
     * The broker, started again on a fresh port and data directory if it exits before it is ready (its
     * KRaft controller can time out on busy cores); its port.
     */
    private int startBroker(Path directory, List<ChildJvm> children) throws IOException {
        for (int attempt = 1; attempt <= BROKER_ATTEMPTS; attempt++) {
            int port = EngineUnderTest.freePort();
            ChildJvm broker = ChildJvm.start("broker (attempt " + attempt + ")", options.engineJar(),
                    ChildJvm.BROKER_FLAGS, directory.resolve("broker-" + attempt + ".log"), Map.of(),
                    List.of("kafka-broker", "--port", String.valueOf(port), "--data-dir",
                            directory.resolve("kafka-" + attempt).toString()));
            children.add(broker);
            if (broker.awaitLogLine("Kafka broker ready at 127.0.0.1:" + port, START_TIMEOUT)) {
                return port;
            }
            broker.stop();
            children.remove(broker);
        }
        throw new IllegalStateException("the broker did not start in " + BROKER_ATTEMPTS + " attempts; logs in "
                + directory);
    }

    private Outcome intake(int nodes, List<Http> apis, String url) {
        String load = LoadAverage.now();
        Progress.say("Scenario 6: %d node(s) ready, %d hires from %d clients, load %s", nodes, options.hires(),
                options.clients(), load);
        long started = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(options.clients());
        for (int c = 0; c < options.clients(); c++) {
            clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < options.hires(); i = next.getAndIncrement()) {
                    if (hire(apis.get(i % apis.size()), i)) {
                        accepted.incrementAndGet();
                    } else {
                        refused.incrementAndGet();
                    }
                }
            });
        }
        clients.shutdown();
        Deadline.await("hires sent", options.hires(), () -> accepted.get() + refused.get(), Duration.ofSeconds(900),
                Duration.ofMillis(250));
        Deadline.await("journeys invitation_sent", accepted.get(), () -> invited(url), Duration.ofSeconds(900),
                Duration.ofMillis(250));
        double seconds = (System.nanoTime() - started) / 1e9;
        clients.shutdownNow();
        // A hire doubled by a second node would show after the first: look again once things are quiet.
        Deadline.sleep(Duration.ofSeconds(5));
        return new Outcome(nodes, accepted.get(), refused.get(), seconds, invited(url),
                count(url, "select count(*) from journey where employee_id in (" + HIRES + ")"),
                count(url, "select count(*) - count(distinct employee_id) from journey where employee_id in (" + HIRES
                        + ")"),
                count(url, "select count(*) - count(distinct journey_id) from journey_status_change"
                        + " where status = 'invitation_sent'"),
                load + " -> " + LoadAverage.now());
    }

    /** One hire over REST; whether the node took it (201). A refused or failed hire is counted, not retried. */
    private static boolean hire(Http api, int i) {
        try {
            return api.postJson("/api/users/", """
                    {"first_name":"Clu","last_name":"S%d","email":"cluster-%d@example.com","start_day":"%s",\
                    "timezone":"UTC","role":0}""".formatted(i, i, IntakeScenario.ENGINE_START_DAY)).statusCode() == 201;
        } catch (IllegalStateException unreachable) {
            return false;
        }
    }

    private static boolean ready(Http api) {
        try {
            return api.get("/actuator/health/readiness").statusCode() == 200;
        } catch (IllegalStateException notYet) {
            return false;
        }
    }

    private long invited(String url) {
        return count(url,
                "select count(distinct journey_id) from journey_status_change where status = 'invitation_sent'");
    }

    private long count(String url, String query) {
        try (Connection connection = DriverManager.getConnection(url, options.postgresUser(), "");
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return -1;
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
