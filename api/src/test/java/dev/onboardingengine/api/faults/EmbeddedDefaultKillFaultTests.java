package dev.onboardingengine.api.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.onboardingengine.workflow.testing.TopicReader;

/**
 * Fault case (e): the embedded default, run as README starts it ({@code java -jar
 * api/target/onboarding-engine.jar} in a directory of its own: H2 file and in-process broker under
 * {@code ./data}, free ports through {@code PORT} and {@code ONBOARDING_EMBEDDED_KAFKA_PORT}), takes
 * 1,000 hires over REST from four clients and is killed with SIGKILL right after its 500th 201. It is
 * started again on the same data directory and the hires never answered are sent again. Every hire
 * answered 201 is there, under the id it was given, with exactly one journey that carries its own
 * email and names; no id is given twice; no journey runs for an employee that does not exist; nothing
 * is dead-lettered. The counts are read through the engine's loopback database server, as the jar's
 * commands do, and {@code create-token} is run beside the running engine. The Camunda administrator's
 * password was generated and printed once, on the first start only.
 */
class EmbeddedDefaultKillFaultTests {

    private static final int HIRES = 1_000;
    private static final int KILL_AFTER = 500;
    private static final int CLIENTS = 4;
    private static final String TOKEN = "fault-e-admin-token-0123456789abcdef0123";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final Duration START_UP = Duration.ofSeconds(300);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String domain = "fault-e-" + UUID.randomUUID() + ".example";
    /** hire number to the employee id its 201 carried */
    private final Map<Integer, Long> acknowledged = new ConcurrentHashMap<>();

    @Test
    void aKilledEmbeddedDefaultKeepsEveryAcknowledgedHireWithOneJourneyOfItsOwn() throws Exception {
        Path directory = Path.of("target", "fault-suite", domain).toAbsolutePath();
        Files.createDirectories(directory);
        Map<String, String> environment = environment();
        long started = System.nanoTime();

        // Given the embedded default taking hires from four clients
        Process engine = start(directory, environment);
        List<Integer> unanswered;
        int answeredAtKill;
        try {
            awaitReady(engine, environment);
            // Its first start generated the Camunda administrator's password and printed it once
            String password = printedPasswords(directory).get(0);
            assertThat(engineRestStatus(environment, password)).isEqualTo(200);
            ConcurrentLinkedQueue<Integer> toSend = new ConcurrentLinkedQueue<>();
            for (int n = 0; n < HIRES; n++) {
                toSend.add(n);
            }
            // When it is killed with SIGKILL right after its 500th 201
            AtomicBoolean killed = new AtomicBoolean();
            unanswered = post(toSend, environment, () -> {
                if (acknowledged.size() >= KILL_AFTER && killed.compareAndSet(false, true)) {
                    engine.destroyForcibly();
                }
            }, killed);
            answeredAtKill = acknowledged.size();
            engine.waitFor(30, TimeUnit.SECONDS);
        } finally {
            engine.destroyForcibly();
        }
        assertThat(answeredAtKill).as("201s before the kill").isGreaterThanOrEqualTo(KILL_AFTER).isLessThan(HIRES);
        Set<Long> idsBeforeKill = new HashSet<>(acknowledged.values());

        // And it is started again on the same data directory, and the unanswered hires are sent again
        Process restarted = start(directory, environment);
        try {
            awaitReady(restarted, environment);
            List<Integer> refused = post(new ConcurrentLinkedQueue<>(unanswered), environment, () -> {
            }, new AtomicBoolean());
            assertThat(refused).as("hires refused after the restart (their email was already taken)")
                    .allSatisfy(n -> assertThat(acknowledged).doesNotContainKey(n));

            // Then, once every journey started, every acknowledged hire is there as it was acknowledged
            String database = serverUrl(directory);
            Counts counts = await().atMost(Duration.ofSeconds(600)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> count(database), c -> c.employees() == HIRES && c.journeys() >= HIRES);
            await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(30))
                    .until(() -> count(database).equals(counts));
            Map<Long, Person> employees = employees(database);
            long missing = acknowledged.values().stream().filter(id -> !employees.containsKey(id)).count();
            long mismatched = acknowledged.entrySet().stream()
                    .filter(e -> employees.containsKey(e.getValue())
                            && !employees.get(e.getValue()).equals(person(e.getKey())))
                    .count();
            long reusedIds = acknowledged.size() - new HashSet<>(acknowledged.values()).size();
            String bootstrap = "127.0.0.1:" + environment.get("ONBOARDING_EMBEDDED_KAFKA_PORT");
            long deadLetters = TopicReader.records(bootstrap, "onboarding.new-hires.DLT").size();
            System.out.printf(
                    "FAULT (e) SIGKILL of the embedded default (H2 file, in-process broker) after 201 number %d"
                            + " of %d: acknowledged=%d (before kill %d, unanswered then %d, refused as already there %d)"
                            + " present=%d missing=%d mismatched=%d reusedIds=%d -> %s deadLetters=%d in %d s%n",
                    KILL_AFTER, HIRES, acknowledged.size(), idsBeforeKill.size(), unanswered.size(), refused.size(),
                    acknowledged.size() - missing, missing, mismatched, reusedIds, counts, deadLetters,
                    (System.nanoTime() - started) / 1_000_000_000L);

            assertThat(missing).as("acknowledged hires missing").isZero();
            assertThat(mismatched).as("acknowledged ids now holding somebody else").isZero();
            assertThat(reusedIds).as("ids acknowledged twice").isZero();
            assertThat(acknowledged.size() + refused.size()).isEqualTo(HIRES);
            assertThat(counts.journeys()).isEqualTo(HIRES);
            assertThat(counts.employeesWithOneJourney()).isEqualTo(HIRES);
            assertThat(counts.journeysOfSomebodyElse()).as("journeys carrying another person's email or names")
                    .isZero();
            assertThat(counts.journeysWithoutEmployee()).isZero();
            assertThat(deadLetters).isZero();
            assertOwnerOnly(directory.resolve("data"));
            assertThat(printedPasswords(directory)).as("passwords printed over both starts").hasSize(1);

            // And the jar's create-token works beside the running engine, through its loopback database server
            String token = createToken(directory, environment);
            assertThat(http.send(HttpRequest.newBuilder(base(environment).resolve("/api/employees/"))
                    .header("Authorization", "Token " + token).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode())
                    .isEqualTo(200);
        } finally {
            restarted.destroy();
            if (!restarted.waitFor(60, TimeUnit.SECONDS)) {
                restarted.destroyForcibly();
            }
        }
    }

    private static final Pattern PRINTED_PASSWORD = Pattern
            .compile("User 'admin', password \\(shown only now, stored hashed\\):\\s+(\\S+)");
    private static final Pattern PRINTED_TOKEN = Pattern.compile("Generated token ([0-9a-f]{40}) for user");

    private static List<String> printedPasswords(Path directory) throws IOException {
        Matcher printed = PRINTED_PASSWORD.matcher(Files.readString(directory.resolve("engine.log")));
        List<String> passwords = new ArrayList<>();
        while (printed.find()) {
            passwords.add(printed.group(1));
        }
        return passwords;
    }

    private int engineRestStatus(Map<String, String> environment, String password) throws Exception {
        String basic = java.util.Base64.getEncoder()
                .encodeToString(("admin:" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(base(environment).resolve("/engine-rest/deployment"))
                .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** {@code java -jar onboarding-engine.jar create-token admin@example.com} in the engine's directory, as README says. */
    private static String createToken(Path directory, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of("target", "onboarding-engine.jar").toAbsolutePath().toString(), "create-token",
                "admin@example.com").directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process command = builder.start();
        String output = new String(command.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(command.waitFor(300, TimeUnit.SECONDS)).as("create-token finished").isTrue();
        assertThat(command.exitValue()).as(output).isZero();
        Matcher token = PRINTED_TOKEN.matcher(output);
        assertThat(token.find()).as(output).isTrue();
        return token.group(1);
    }

    private Map<String, String> environment() throws IOException {
        Map<String, String> environment = new HashMap<>(System.getenv());
        // The embedded default: nothing configured but the ports and the first administrator's token.
        Stream.of("DATABASE_URL", "DATABASE_USERNAME", "DATABASE_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS",
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", "SPRING_PROFILES_ACTIVE", "ONBOARDING_DATA_DIR")
                .forEach(environment::remove);
        environment.put("PORT", Integer.toString(FaultRig.freePort()));
        environment.put("ONBOARDING_EMBEDDED_KAFKA_PORT", Integer.toString(FaultRig.freePort()));
        environment.put("ONBOARDING_ADMIN_TOKEN", TOKEN);
        return environment;
    }

    private Process start(Path directory, Map<String, String> environment) throws IOException {
        Path jar = Path.of("target", "onboarding-engine.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: the fault suite runs after package");
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("engine.log").toFile()));
        builder.environment().clear();
        builder.environment().putAll(environment);
        return builder.start();
    }

    private void awaitReady(Process engine, Map<String, String> environment) {
        await().atMost(START_UP).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!engine.isAlive()) {
                throw new IllegalStateException(
                        "the engine exited with " + engine.exitValue() + "; see its engine.log");
            }
            try {
                return http
                        .send(HttpRequest.newBuilder(base(environment).resolve("/actuator/health/readiness")).build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    /**
     * Posts the hires from four clients until the queue is empty or {@code stop} is set; runs
     * {@code afterEach201} after every 201.
     *
     * @return the hires that got no 201 (sent and unanswered, refused, or never sent)
     */
    private List<Integer> post(ConcurrentLinkedQueue<Integer> toSend, Map<String, String> environment,
            Runnable afterEach201, AtomicBoolean stop) throws InterruptedException {
        ConcurrentLinkedQueue<Integer> notAcknowledged = new ConcurrentLinkedQueue<>();
        AtomicInteger unexpected = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                Integer n;
                while (!stop.get() && (n = toSend.poll()) != null) {
                    try {
                        HttpResponse<String> response = http
                                .send(HttpRequest.newBuilder(base(environment).resolve("/api/users/"))
                                        .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                                        .header("Authorization", "Token " + TOKEN)
                                        .POST(HttpRequest.BodyPublishers.ofString(body(n)))
                                        .build(), HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 201) {
                            Matcher id = ID.matcher(response.body());
                            if (!id.find()) {
                                throw new IllegalStateException("201 without an id: " + response.body());
                            }
                            acknowledged.put(n, Long.parseLong(id.group(1)));
                            afterEach201.run();
                        } else {
                            if (response.statusCode() != 400 || !response.body().contains("email")) {
                                unexpected.incrementAndGet();
                            }
                            notAcknowledged.add(n);
                        }
                    } catch (IOException killedMidRequest) {
                        notAcknowledged.add(n);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
        }
        clients.shutdown();
        if (!clients.awaitTermination(15, TimeUnit.MINUTES)) {
            clients.shutdownNow();
            throw new IllegalStateException("the clients did not finish within 15 minutes");
        }
        assertThat(unexpected.get()).as("answers other than 201 and 400 for a taken email").isZero();
        List<Integer> rest = new ArrayList<>(notAcknowledged);
        rest.addAll(toSend);
        return rest;
    }

    private String body(int n) {
        Person person = person(n);
        return """
                {"first_name":"%s","last_name":"%s","email":"%s","start_day":"%s","timezone":"UTC","role":0}"""
                .formatted(person.firstName(), person.lastName(), person.email(), LocalDate.now().plusDays(14));
    }

    private Person person(int n) {
        return new Person("Kim" + n, "Kill " + n, "kim." + n + "@" + domain);
    }

    private static URI base(Map<String, String> environment) {
        return URI.create("http://127.0.0.1:" + environment.get("PORT"));
    }

    /** The engine's loopback database server, as its address file names it (see LocalDatabaseServer). */
    private static String serverUrl(Path directory) throws IOException {
        Path file = directory.resolve("data").resolve("onboarding.tcp-server");
        Properties address = new Properties();
        try (var reader = Files.newBufferedReader(file)) {
            address.load(reader);
        }
        return address.getProperty("url");
    }

    record Person(String firstName, String lastName, String email) {
    }

    record Counts(long employees, long journeys, long employeesWithOneJourney, long journeysOfSomebodyElse,
            long journeysWithoutEmployee) {
    }

    private Counts count(String url) {
        String hires = "select id from employee where email like '%@" + domain + "'";
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            return new Counts(
                    single(connection, "select count(*) from employee where email like '%@" + domain + "'"),
                    single(connection, "select count(*) from journey where employee_id in (" + hires + ")"),
                    single(connection, "select count(*) from (select employee_id from journey where employee_id in ("
                            + hires + ") group by employee_id having count(*) = 1) d"),
                    single(connection, """
                            select count(*) from journey j join employee e on e.id = j.employee_id
                            where e.email like '%@""" + domain + """
                            ' and exists (select 1 from act_hi_varinst v where v.proc_inst_id_ = j.process_instance_id
                            and ((v.name_ = 'hireEmail' and v.text_ <> e.email) or (v.name_ = 'hireFirstName'
                            and v.text_ <> e.first_name) or (v.name_ = 'hireLastName' and v.text_ <> e.last_name)))"""),
                    single(connection,
                            "select count(*) from journey where employee_id not in (select id from employee)"));
        } catch (SQLException e) {
            return new Counts(-1, -1, -1, -1, -1);
        }
    }

    private Map<Long, Person> employees(String url) throws SQLException {
        Map<Long, Person> people = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select id, first_name, last_name, email from employee")) {
            while (rs.next()) {
                people.put(rs.getLong(1), new Person(rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        return people;
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The data directory is 0700; what was in it when the engine restarted is owner-only. */
    private static void assertOwnerOnly(Path data) throws IOException {
        assertThat(Files.getPosixFilePermissions(data)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
        for (Path path : List.of(data.resolve("onboarding.mv.db"), data.resolve("kafka"),
                data.resolve("onboarding.tcp-server"))) {
            assertThat(Files.getPosixFilePermissions(path)).as(path.toString()).noneMatch(
                    permission -> permission.name().startsWith("GROUP_") || permission.name().startsWith("OTHERS_"));
        }
    }
}
