package dev.onboardingengine.api.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.onboardingengine.OnboardingEngineApplication;
import dev.onboardingengine.api.ApiIntegrationTest;
import dev.onboardingengine.api.auth.CreateTokenCommand;
import dev.onboardingengine.workflow.testing.TestDatabase;

/**
 * What every fault case shares: an engine of its own (own database, topics and consumer groups, so
 * nothing another case or test left behind is counted), counting straight from that database, and
 * a producer of hire requests. Each case tags its hires with its own e-mail domain and counts only
 * those.
 *
 * <p>Camunda's job executor stays off: a journey is counted by its row in the journey table, written
 * in the transaction that starts the process, whatever its status; the asynchronous invitation is
 * not what these cases are about.
 */
final class FaultRig {

    static final String ADMIN_TOKEN = "fault-suite-admin-token-0123456789abcdef";
    static final Duration EVENTUALLY = Duration.ofSeconds(300);

    private FaultRig() {
    }

    /** The engine's settings for one case, as {@code name=value}: the same for an in-JVM context and a child JVM. */
    static List<String> engineProperties(String databaseUrl, String bootstrapServers, String topics) {
        return new ArrayList<>(List.of(
                "spring.datasource.url=" + databaseUrl,
                "spring.datasource.username=" + TestDatabase.get().username(),
                "spring.datasource.password=" + TestDatabase.get().password(),
                // Fail fast while the database is away: the consumers' back-off does the waiting.
                "spring.datasource.hikari.connection-timeout=2000",
                "spring.kafka.bootstrap-servers=" + bootstrapServers,
                "spring.kafka.producer.properties.max.block.ms=2000",
                "spring.kafka.admin.fail-fast=false",
                "spring.kafka.admin.operation-timeout=5",
                "onboarding.topics.new-hires=" + topics + ".new-hires",
                "onboarding.topics.journeys=" + topics + ".journeys",
                "onboarding.topics.hire-requests=" + topics + ".hire-requests",
                "onboarding.workflow.consumer-group=" + topics + "-workflow",
                "onboarding.intake.consumer-group=" + topics + "-intake",
                "onboarding.outbox.resubmit-initial-delay=1s",
                "onboarding.outbox.resubmit-interval=3s",
                "onboarding.outbox.resubmit-older-than=5s",
                "onboarding.admin.email=admin@" + topics + ".admin.example",
                "onboarding.admin.token=" + ADMIN_TOKEN,
                "camunda.bpm.job-execution.enabled=false",
                "camunda.bpm.generate-unique-process-engine-name=true",
                "camunda.bpm.generate-unique-process-application-name=true",
                "spring.main.banner-mode=off",
                "onboarding.secrets.key=" + ApiIntegrationTest.SECRETS_KEY,
                "spring.autoconfigure.exclude=" + CreateTokenCommand.WITHOUT_WEB_APPS,
                // Outages make the clients log every reconnect; the counts are what this suite reports.
                "logging.level.org.apache.kafka=ERROR",
                "logging.level.org.springframework.kafka=ERROR",
                "logging.level.dev.onboardingengine=WARN",
                "logging.level.org.camunda=WARN"));
    }

    static ConfigurableApplicationContext startEngine(List<String> properties, boolean web) {
        List<String> all = new ArrayList<>(properties);
        if (web) {
            all.add("server.port=0");
        }
        // As command-line arguments: they win over application.yml, as the suite needs.
        return new SpringApplicationBuilder(OnboardingEngineApplication.class)
                .web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
                .run(all.stream().map(property -> "--" + property).toArray(String[]::new));
    }

    static KafkaProducer<String, String> producer(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new StringSerializer());
    }

    static String hireRequest(String externalId, String domain, int n) {
        return """
                {"external_id":"%s","first_name":"Fay","last_name":"Fault %d","email":"fay.%d@%s",
                 "start_date":"%s","time_zone":"Europe/Paris"}""".formatted(externalId, n, n, domain,
                LocalDate.now().plusDays(14));
    }

    /** What the case's database holds for the hires of {@code domain}. */
    record Counts(long employees, long journeys, long employeesWithJourney, long duplicateJourneys,
            long duplicateEmployees) {

        @Override
        public String toString() {
            return "employees=%d journeys=%d employeesWithJourney=%d duplicateJourneys=%d duplicateEmployees=%d"
                    .formatted(employees, journeys, employeesWithJourney, duplicateJourneys, duplicateEmployees);
        }
    }

    static Counts count(String databaseUrl, String domain) {
        String hires = "select id from employee where email like '%@" + domain + "'";
        try (Connection connection = DriverManager.getConnection(databaseUrl, TestDatabase.get().username(),
                TestDatabase.get().password())) {
            return new Counts(
                    single(connection, "select count(*) from employee where email like '%@" + domain + "'"),
                    single(connection, "select count(*) from journey where employee_id in (" + hires + ")"),
                    single(connection,
                            "select count(distinct employee_id) from journey where employee_id in (" + hires + ")"),
                    single(connection, "select count(*) from (select employee_id from journey where employee_id in ("
                            + hires + ") group by employee_id, mobility having count(*) > 1) d"),
                    single(connection,
                            "select count(*) - count(distinct lower(email)) from employee where email like '%@"
                                    + domain + "'"));
        } catch (SQLException e) {
            // The database may be the fault under test: count again on the next poll.
            return new Counts(-1, -1, -1, -1, -1);
        }
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Runs SQL on the server's maintenance database, as the superuser the tests connect as. */
    static void onServer(String databaseUrl, String sql) {
        int slash = databaseUrl.lastIndexOf('/');
        try (Connection connection = DriverManager.getConnection(databaseUrl.substring(0, slash + 1) + "postgres",
                TestDatabase.get().username(), TestDatabase.get().password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("'" + sql + "' failed: " + e.getMessage(), e);
        }
    }

    /** A port nobody listens on now, on loopback, for a child engine. */
    static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Whether the engine on {@code port} answers its readiness probe with 200 (anyone may ask it). */
    static boolean isReady(int port) {
        try {
            java.net.http.HttpResponse<Void> response = READINESS_CLIENT.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(5)).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static final java.net.http.HttpClient READINESS_CLIENT = java.net.http.HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2)).build();

    static boolean isNotBlank(String text) {
        return text != null && !text.isBlank();
    }

    static String databaseName(String databaseUrl) {
        String tail = databaseUrl.substring(databaseUrl.lastIndexOf('/') + 1);
        int query = tail.indexOf('?');
        return query < 0 ? tail : tail.substring(0, query);
    }

    /** The engine as an operating system process, from the jar that {@code package} built. */
    static final class EngineProcess {

        private final Process process;

        private EngineProcess(Process process) {
            this.process = process;
        }

        static EngineProcess start(List<String> properties, Path log) throws IOException {
            // Any free port: a developer's engine on 8080 must not keep the child from starting.
            return start(properties, log, 0);
        }

        /** On {@code port} (0: any free one). */
        static EngineProcess start(List<String> properties, Path log, int port) throws IOException {
            Path jar = Path.of("target", "onboarding-engine.jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException(
                        jar.toAbsolutePath() + " is missing: the fault suite runs after package");
            }
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString()));
            properties.forEach(property -> command.add("--" + property));
            command.add("--server.port=" + port);
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return new EngineProcess(process);
        }

        long pid() {
            return process.pid();
        }

        boolean isAlive() {
            return process.isAlive();
        }

        /** SIGKILL: no shutdown hook, no flush, no goodbye to the broker. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }

        /** SIGTERM alone: whether the process has ended by itself within {@code bound}. */
        boolean terminate(Duration bound) throws InterruptedException {
            process.destroy();
            return process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** SIGTERM, then SIGKILL if it has not stopped after 30 s. */
        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
