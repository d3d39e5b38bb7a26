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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

import dev.onboardingengine.workflow.testing.TestDatabase;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * What the cluster case needs beside {@link FaultRig}: the standalone broker as a process of its own
 * ({@code java -jar onboarding-engine.jar kafka-broker}), hires over a node's REST API, and the mails
 * the real SMTP server received, keyed so that a mail sent twice shows.
 */
final class ClusterRig {

    /** 09:00 there on today's UTC date is always past: every timer before or at the start is due at once. */
    static final String ZONE_WHERE_THE_START_HAS_PASSED = "Pacific/Kiritimati";
    static final String INVITATION = "Welcome aboard";
    static final String ACTION = "Onboarding action for you";
    static final Duration EVENTUALLY = Duration.ofSeconds(600);
    private static final Pattern HIRE_NAME = Pattern.compile("Cluster (\\d+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ClusterRig() {
    }

    static LocalDate startDay() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** The broker as an operating system process, on 127.0.0.1:{@code port}, with its log in {@code directory}. */
    static Process startBroker(int port, Path directory) throws IOException, InterruptedException {
        Path jar = Path.of("target", "onboarding-engine.jar");
        Files.createDirectories(directory);
        Path log = directory.resolve("broker.log");
        // A restart appends to the same log: only what this start writes counts.
        long before = Files.exists(log) ? Files.size(log) : 0;
        Process broker = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString(), "kafka-broker",
                "--port", Integer.toString(port), "--data-dir", directory.resolve("kafka").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (Files.readString(log).substring((int) before).contains("Kafka broker ready at 127.0.0.1:" + port)) {
                return broker;
            }
            if (!broker.isAlive()) {
                throw new IllegalStateException("the broker process exited: " + Files.readString(log));
            }
            Thread.sleep(250);
        }
        broker.destroyForcibly();
        throw new IllegalStateException("the broker process was not ready in 120 s: " + log);
    }

    /** POST /api/users/ (ChiefOnboarding's dialect) on the node at {@code port}; the status, or -1 if unreachable. */
    static int hireOverRest(int port, String token, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/users/"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Token " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException unreachable) {
            return -1;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static String get(int port, String token, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Token " + token).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    static String restHire(int n, String domain, long managerId, long sequenceId) {
        return """
                {"first_name":"Cleo","last_name":"Cluster %d","email":"cleo.%d@%s","role":0,"start_day":"%s",
                 "timezone":"%s","manager":%d,"sequences":[%d]}""".formatted(n, n, domain, startDay(),
                ZONE_WHERE_THE_START_HAS_PASSED, managerId, sequenceId);
    }

    static String topicHire(int n, String domain, long managerId) {
        return """
                {"external_id":"K-%d","first_name":"Cleo","last_name":"Cluster %d","email":"cleo.%d@%s",
                 "start_date":"%s","time_zone":"%s","manager_id":%d,"sequences":["sequence-it-equipment"]}"""
                .formatted(n, n, n, domain, startDay(), ZONE_WHERE_THE_START_HAS_PASSED, managerId);
    }

    /** The settings of a cluster node: the fault suite's, with the job executor on and mail to {@code smtpPort}. */
    static List<String> nodeProperties(String databaseUrl, String bootstrap, String topics, int smtpPort) {
        List<String> properties = new ArrayList<>(FaultRig.engineProperties(databaseUrl, bootstrap, topics).stream()
                .filter(property -> !property.startsWith("camunda.bpm.job-execution.enabled=")).toList());
        properties.addAll(List.of(
                "camunda.bpm.job-execution.enabled=true",
                // A dead node's jobs go back to the survivors when their lock expires; the default is 5 minutes.
                "camunda.bpm.job-execution.lock-time-in-millis=30000",
                // And its partitions, once the broker misses its heartbeats for this long.
                "spring.kafka.consumer.properties.session.timeout.ms=15000",
                "spring.kafka.consumer.properties.heartbeat.interval.ms=3000",
                "spring.mail.host=127.0.0.1",
                "spring.mail.port=" + smtpPort));
        return properties;
    }

    /** {@code properties} with {@code name} set to {@code value} instead (or added). */
    static List<String> with(List<String> properties, String name, String value) {
        List<String> changed = new ArrayList<>(properties.stream().filter(p -> !p.startsWith(name + "=")).toList());
        changed.add(name + "=" + value);
        return changed;
    }

    record Outcome(FaultRig.Counts counts, Mails mails, long timersFired, long timersFiredTwice) {
    }

    /** Waits until every hire has its journey, invitation and action mail, and nothing more arrives for 10 s. */
    static Outcome awaitEveryJourneyAndMail(String databaseUrl, String domain, GreenMail smtp, List<Integer> hires) {
        await().atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(5)).until(() -> {
            Mails mails = Mails.of(smtp);
            return FaultRig.count(databaseUrl, domain).journeys() >= hires.size()
                    && mails.without(INVITATION, hires).isEmpty() && mails.without(ACTION, hires).isEmpty();
        });
        // Then nothing more for 10 s: a mail sent twice arrives after its first copy.
        int[] last = {-1};
        await().during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    int now = smtp.getReceivedMessages().length;
                    boolean same = now == last[0];
                    last[0] = now;
                    return same;
                });
        String timers = "select proc_inst_id_ from act_hi_actinst where act_id_ = 'Timer_StartDay' and end_time_ is not null";
        return new Outcome(FaultRig.count(databaseUrl, domain), Mails.of(smtp),
                single(databaseUrl, "select count(distinct proc_inst_id_) from (" + timers + ") t"),
                single(databaseUrl,
                        "select count(*) from (" + timers + " group by proc_inst_id_ having count(*) > 1) t"));
    }

    static long createManager(int port, String databaseUrl, String domain) {
        String json = """
                {"first_name":"Mia","last_name":"Manager","email":"mia@managers.%s","role":2,"start_day":"%s"}"""
                .formatted(domain, startDay().plusYears(1));
        assertThat(hireOverRest(port, FaultRig.ADMIN_TOKEN, json)).isEqualTo(201);
        return single(databaseUrl, "select id from employee where email = 'mia@managers." + domain + "'");
    }

    static long sequenceId(int port, String name) throws Exception {
        String body = get(port, FaultRig.ADMIN_TOKEN, "/api/sequences/");
        Matcher matcher = Pattern
                .compile("\\{[^{}]*\"id\"\\s*:\\s*(\\d+)[^{}]*\"name\"\\s*:\\s*\"" + Pattern.quote(name) + "\"")
                .matcher(body);
        assertThat(matcher.find()).as("sequence %s in %s", name, body).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    /** The members of consumer group {@code group} on the broker now. */
    static int members(String bootstrap, String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return admin.describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS).get(group).members()
                    .size();
        }
    }

    static long single(String databaseUrl, String sql) {
        try (Connection connection = DriverManager.getConnection(databaseUrl, TestDatabase.get().username(),
                TestDatabase.get().password());
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The mails received, by recipient, subject and the hire they are about: a count above 1 is a double. */
    record Mails(Map<String, Integer> byKey) {

        static Mails of(GreenMail smtp) {
            Map<String, Integer> byKey = new TreeMap<>();
            for (MimeMessage message : smtp.getReceivedMessages()) {
                byKey.merge(key(message), 1, Integer::sum);
            }
            return new Mails(byKey);
        }

        @Override
        public String toString() {
            return "mails=" + total() + " doubled=" + doubled();
        }

        int total() {
            return byKey.values().stream().mapToInt(Integer::intValue).sum();
        }

        long doubled() {
            return byKey.values().stream().mapToInt(count -> count - 1).sum();
        }

        /** The extra copies by subject (what was sent twice), for the report. */
        Map<String, Integer> doubledBySubject() {
            Map<String, Integer> extra = new TreeMap<>();
            byKey.forEach((key, count) -> {
                if (count > 1) {
                    extra.merge(key.substring(key.lastIndexOf('|') + 1).replaceAll("Cluster \\d+", "Cluster N"),
                            count - 1, Integer::sum);
                }
            });
            return extra;
        }

        /** Hires among {@code hires} (their numbers) without a mail whose subject starts with {@code subject}. */
        List<Integer> without(String subject, List<Integer> hires) {
            java.util.Set<String> mailed = new java.util.HashSet<>();
            byKey.keySet().stream().filter(key -> key.contains("|" + subject))
                    .forEach(key -> mailed.add(key.substring(0, key.indexOf('|'))));
            return hires.stream().filter(n -> !mailed.contains("#" + n)).toList();
        }

        long count(String subject) {
            return byKey.entrySet().stream().filter(e -> e.getKey().contains("|" + subject))
                    .mapToLong(Map.Entry::getValue).sum();
        }

        private static String key(MimeMessage message) {
            try {
                String subject = message.getSubject();
                String recipients = String.valueOf(List.of(message.getRecipients(Message.RecipientType.TO)));
                Matcher hire = HIRE_NAME.matcher(subject + " " + GreenMailUtil.getBody(message));
                Matcher address = Pattern.compile("cleo\\.(\\d+)@").matcher(recipients);
                String about = hire.find() ? hire.group(1) : address.find() ? address.group(1) : "?";
                return "#" + about + "|" + recipients + "|" + subject;
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
