package dev.onboardingengine.api.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.onboardingengine.workflow.testing.TestDatabase;

/**
 * The production shape, scaled out: two engine processes (the packaged jar, separate JVMs and ports)
 * on one PostgreSQL database and one broker in a process of its own ({@code kafka-broker}), mail to a
 * real SMTP server in this JVM. 1,000 hires (plus 10% duplicates) over both nodes' REST APIs and the
 * hire-requests topic, each with a start already past, so every timer up to the start day falls due
 * during the run (Camunda's job executors on both nodes share them through the database).
 *
 * <p>Phase 1, both nodes up: one journey per hire, every mail once, each start-day timer fired once.
 * Phase 2, node B is SIGKILLed mid-run: node A finishes every journey and nothing is lost. A mail job
 * B was running when it died runs again on A once its lock expires (Camunda's jobs are at least
 * once), so doubled mails are bounded by the jobs locked at the kill, and that bound is asserted.
 * Then B is started again and rejoins: ready, and back in both consumer groups.
 */
class ClusterFaultTests {

    private static final int PHASE_ONE = 600;
    private static final int PHASE_TWO = 400;
    private static final Duration EVENTUALLY = Duration.ofSeconds(600);
    private static final String INVITATION = "Welcome aboard";
    private static final String ACTION = "Onboarding action for you";

    @Test
    void twoNodesOnOneDatabaseAndBrokerRunEveryJourneyOnceAndSurviveTheKillOfOne() throws Exception {
        long started = System.nanoTime();
        String databaseUrl = TestDatabase.get().freshDatabaseUrl("cluster");
        String topics = "cluster-" + UUID.randomUUID();
        String domain = topics + ".example";
        Path directory = Path.of("target", "fault-suite", topics);
        int brokerPort = FaultRig.freePort();
        String bootstrap = "127.0.0.1:" + brokerPort;
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        Process broker = ClusterRig.startBroker(brokerPort, directory);
        List<String> properties = nodeProperties(databaseUrl, bootstrap, topics, smtp.getSmtp().getPort());
        int portA = FaultRig.freePort();
        int portB = FaultRig.freePort();
        FaultRig.EngineProcess a = FaultRig.EngineProcess.start(properties, directory.resolve("node-a.log"), portA);
        FaultRig.EngineProcess b = FaultRig.EngineProcess.start(properties, directory.resolve("node-b.log"), portB);
        FaultRig.EngineProcess restartedB = null;
        try (KafkaProducer<String, String> producer = FaultRig.producer(bootstrap)) {
            await("both nodes ready").atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> FaultRig.isReady(portA) && FaultRig.isReady(portB));
            long managerId = createManager(portA, databaseUrl, domain);
            long sequenceId = sequenceId(portA, "IT equipment");
            String topic = topics + ".hire-requests";

            // Phase 1: hires over A's API, B's API and the topic, a tenth of them twice (the copy on the other node)
            List<Integer> phaseOne = IntStream.range(0, PHASE_ONE).boxed().toList();
            Map<Integer, Integer> statuses = new java.util.TreeMap<>();
            for (int n : phaseOne) {
                boolean duplicate = n % 10 == 0;
                switch (n % 3) {
                    case 0 -> {
                        statuses.merge(ClusterRig.hireOverRest(portA, FaultRig.ADMIN_TOKEN,
                                ClusterRig.restHire(n, domain, managerId, sequenceId)), 1, Integer::sum);
                        if (duplicate) {
                            statuses.merge(ClusterRig.hireOverRest(portB, FaultRig.ADMIN_TOKEN,
                                ClusterRig.restHire(n, domain, managerId, sequenceId)), 1, Integer::sum);
                        }
                    }
                    case 1 -> {
                        statuses.merge(ClusterRig.hireOverRest(portB, FaultRig.ADMIN_TOKEN,
                                ClusterRig.restHire(n, domain, managerId, sequenceId)), 1, Integer::sum);
                        if (duplicate) {
                            statuses.merge(ClusterRig.hireOverRest(portA, FaultRig.ADMIN_TOKEN,
                                ClusterRig.restHire(n, domain, managerId, sequenceId)), 1, Integer::sum);
                        }
                    }
                    default -> {
                        producer.send(new ProducerRecord<>(topic, "K-" + n, ClusterRig.topicHire(n, domain, managerId)));
                        if (duplicate) {
                            producer.send(new ProducerRecord<>(topic, "K-" + n, ClusterRig.topicHire(n, domain, managerId)));
                        }
                    }
                }
            }
            producer.flush();
            Outcome one = awaitEveryJourneyAndMail(databaseUrl, domain, smtp, phaseOne);
            System.out.printf("CLUSTER phase 1: hires=%d restAnswers=%s %s%n", PHASE_ONE, statuses, one);

            assertThat(one.counts().employees()).isEqualTo(PHASE_ONE);
            assertThat(one.counts().journeys()).isEqualTo(PHASE_ONE);
            assertThat(one.counts().duplicateJourneys()).isZero();
            assertThat(one.mails().without(INVITATION, phaseOne)).as("hires without their invitation").isEmpty();
            assertThat(one.mails().without(ACTION, phaseOne)).as("hires whose action was not mailed").isEmpty();
            assertThat(one.mails().doubled()).as("mails sent twice with both nodes up").isZero();
            assertThat(one.timersFired()).isEqualTo(PHASE_ONE);
            assertThat(one.timersFiredTwice()).isZero();
            assertThat(statuses.keySet()).as("REST answers: created, or the duplicate answered; never 5xx or none")
                    .allMatch(status -> status / 100 == 2 || status / 100 == 4);

            // Phase 2: more hires over A's API and the topic; B is killed once a quarter of them have journeys
            List<Integer> phaseTwo = IntStream.range(PHASE_ONE, PHASE_ONE + PHASE_TWO).boxed().toList();
            for (int n : phaseTwo) {
                if (n % 2 == 0) {
                    ClusterRig.hireOverRest(portA, FaultRig.ADMIN_TOKEN, ClusterRig.restHire(n, domain, managerId, sequenceId));
                } else {
                    producer.send(new ProducerRecord<>(topic, "K-" + n, ClusterRig.topicHire(n, domain, managerId)));
                    if (n % 10 == 1) {
                        producer.send(new ProducerRecord<>(topic, "K-" + n, ClusterRig.topicHire(n, domain, managerId)));
                    }
                }
                if (n == PHASE_ONE + PHASE_TWO / 2) {
                    producer.flush();
                }
            }
            producer.flush();
            await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(200))
                    .until(() -> FaultRig.count(databaseUrl, domain).journeys() >= PHASE_ONE + PHASE_TWO / 4);
            int mailsBeforeKill = ClusterRig.Mails.of(smtp).total();
            long lockedAtKill = single(databaseUrl, "select count(*) from act_ru_job where lock_owner_ is not null");
            b.kill();
            List<Integer> all = IntStream.range(0, PHASE_ONE + PHASE_TWO).boxed().toList();
            Outcome two = awaitEveryJourneyAndMail(databaseUrl, domain, smtp, all);

            // Then the killed node rejoins: ready again, and a member of both consumer groups
            restartedB = FaultRig.EngineProcess.start(properties, directory.resolve("node-b.log"), portB);
            await("node B ready again").atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> FaultRig.isReady(portB));
            await("both nodes in both consumer groups").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> members(bootstrap, topics + "-workflow") == 2 && members(bootstrap, topics + "-intake") == 2);
            long seconds = (System.nanoTime() - started) / 1_000_000_000L;
            int hires = PHASE_ONE + PHASE_TWO;
            long lost = two.mails().without(INVITATION, all).size() + two.mails().without(ACTION, all).size()
                    + (hires - two.counts().employeesWithJourney());
            System.out.printf("CLUSTER hires=%d journeys=%d mails=%d lost=%d doubled=%d seconds=%d"
                    + " (mailsBeforeKill=%d lockedJobsAtKill=%d timersFired=%d timersFiredTwice=%d)%n", hires,
                    two.counts().journeys(), two.mails().total(), lost, two.mails().doubled(), seconds, mailsBeforeKill,
                    lockedAtKill, two.timersFired(), two.timersFiredTwice());

            assertThat(two.counts().employees()).isEqualTo(hires);
            assertThat(two.counts().journeys()).isEqualTo(hires);
            assertThat(two.counts().duplicateJourneys()).isZero();
            assertThat(two.counts().duplicateEmployees()).isZero();
            assertThat(lost).isZero();
            assertThat(two.timersFired()).isEqualTo(hires);
            assertThat(two.timersFiredTwice()).isZero();
            // At least once across a kill: only a job B had locked can have run twice.
            assertThat(two.mails().doubled()).isLessThanOrEqualTo(lockedAtKill);
        } finally {
            a.stop();
            if (b.isAlive()) {
                b.stop();
            }
            if (restartedB != null) {
                restartedB.stop();
            }
            broker.destroy();
            broker.waitFor(60, TimeUnit.SECONDS);
            smtp.stop();
        }
    }

    private static List<String> nodeProperties(String databaseUrl, String bootstrap, String topics, int smtpPort) {
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

    private record Outcome(FaultRig.Counts counts, ClusterRig.Mails mails, long timersFired, long timersFiredTwice) {
    }

    /** Waits until every hire has its journey, invitation and action mail, and nothing more arrives for 10 s. */
    private static Outcome awaitEveryJourneyAndMail(String databaseUrl, String domain, GreenMail smtp, List<Integer> hires) {
        await().atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(5)).until(() -> {
            ClusterRig.Mails mails = ClusterRig.Mails.of(smtp);
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
        return new Outcome(FaultRig.count(databaseUrl, domain), ClusterRig.Mails.of(smtp),
                single(databaseUrl, "select count(distinct proc_inst_id_) from (" + timers + ") t"),
                single(databaseUrl, "select count(*) from (" + timers + " group by proc_inst_id_ having count(*) > 1) t"));
    }

    private static long createManager(int port, String databaseUrl, String domain) {
        String json = """
                {"first_name":"Mia","last_name":"Manager","email":"mia@managers.%s","role":2,"start_day":"%s"}"""
                .formatted(domain, ClusterRig.startDay().plusYears(1));
        assertThat(ClusterRig.hireOverRest(port, FaultRig.ADMIN_TOKEN, json)).isEqualTo(201);
        return single(databaseUrl, "select id from employee where email = 'mia@managers." + domain + "'");
    }

    private static long sequenceId(int port, String name) throws Exception {
        String body = ClusterRig.get(port, FaultRig.ADMIN_TOKEN, "/api/sequences/");
        Matcher matcher = Pattern.compile("\\{[^{}]*\"id\"\\s*:\\s*(\\d+)[^{}]*\"name\"\\s*:\\s*\"" + Pattern.quote(name) + "\"")
                .matcher(body);
        assertThat(matcher.find()).as("sequence %s in %s", name, body).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private static int members(String bootstrap, String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return admin.describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS).get(group).members().size();
        }
    }

    private static long single(String databaseUrl, String sql) {
        try (Connection connection = DriverManager.getConnection(databaseUrl, TestDatabase.get().username(),
                TestDatabase.get().password()); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
