package dev.onboardingengine.api.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.onboardingengine.workflow.testing.TestDatabase;
import dev.onboardingengine.workflow.testing.TopicReader;

/**
 * One cluster case's parts: a broker process of its own ({@code kafka-broker}), two engine processes
 * (the jar) on a fresh PostgreSQL database, topics and consumer groups, mail to a real SMTP server in
 * this JVM, a producer of hire requests and the REST answers so far. The cases of
 * {@link ClusterRestartFaultTests} and {@link ClusterGracefulShutdownFaultTests} share it.
 */
final class TwoNodeCluster implements AutoCloseable {

    /** How hire {@code n} is sent: by {@code n % 3} over A's API, B's API or the topic; or over REST or the topic alone. */
    enum Channel {
        REST, TOPIC, ANY
    }

    final String databaseUrl;
    final String domain;
    final String bootstrap;
    final String topics;
    final Path directory;
    final int brokerPort;
    final GreenMail smtp;
    final KafkaProducer<String, String> producer;
    final int portA;
    final int portB;
    final List<String> propertiesB;
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final FaultRig.EngineProcess a;
    FaultRig.EngineProcess b;
    Process broker;
    private long managerId;
    private long sequenceId;

    private TwoNodeCluster(String databaseUrl, String topics, UnaryOperator<List<String>> nodeA,
            UnaryOperator<List<String>> nodeB) throws Exception {
        this.databaseUrl = databaseUrl;
        this.topics = topics;
        this.domain = topics + ".example";
        this.directory = Path.of("target", "fault-suite", topics);
        this.brokerPort = FaultRig.freePort();
        this.bootstrap = "127.0.0.1:" + brokerPort;
        this.smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        this.broker = ClusterRig.startBroker(brokerPort, directory);
        List<String> properties = ClusterRig.nodeProperties(databaseUrl, bootstrap, topics, smtp.getSmtp().getPort());
        this.portA = FaultRig.freePort();
        this.portB = FaultRig.freePort();
        this.propertiesB = nodeB.apply(properties);
        this.a = FaultRig.EngineProcess.start(nodeA.apply(properties), directory.resolve("node-a.log"), portA);
        this.b = FaultRig.EngineProcess.start(propertiesB, directory.resolve("node-b.log"), portB);
        this.producer = FaultRig.producer(bootstrap);
    }

    /** Both nodes with {@link ClusterRig#nodeProperties}. */
    static TwoNodeCluster start(String databasePrefix, String topicsPrefix) throws Exception {
        return start(databasePrefix, topicsPrefix, UnaryOperator.identity(), UnaryOperator.identity());
    }

    /** Each node with {@link ClusterRig#nodeProperties} as {@code nodeA} and {@code nodeB} change them; ready, with a manager. */
    static TwoNodeCluster start(String databasePrefix, String topicsPrefix, UnaryOperator<List<String>> nodeA,
            UnaryOperator<List<String>> nodeB) throws Exception {
        TwoNodeCluster cluster = new TwoNodeCluster(TestDatabase.get().freshDatabaseUrl(databasePrefix),
                topicsPrefix + UUID.randomUUID(), nodeA, nodeB);
        try {
            await("both nodes ready").atMost(Duration.ofSeconds(600)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> FaultRig.isReady(cluster.portA) && FaultRig.isReady(cluster.portB));
            cluster.managerId = ClusterRig.createManager(cluster.portA, cluster.databaseUrl, cluster.domain);
            cluster.sequenceId = ClusterRig.sequenceId(cluster.portA, "IT equipment");
            return cluster;
        } catch (Exception | AssertionError e) {
            cluster.close();
            throw e;
        }
    }

    /**
     * Hire {@code n} over A's API, B's API or the topic (see {@link Channel}); every tenth twice, the
     * copy to the other node, or on the topic again.
     */
    void hire(int n, Channel channel) {
        boolean duplicate = n % 10 == 0;
        int way = channel == Channel.ANY ? n % 3 : channel == Channel.TOPIC ? 2 : n % 2;
        if (way == 2) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topics + ".hire-requests", "K-" + n,
                    ClusterRig.topicHire(n, domain, managerId));
            producer.send(record);
            if (duplicate) {
                producer.send(record);
            }
            return;
        }
        int first = way == 0 ? portA : portB;
        int other = way == 0 ? portB : portA;
        String json = ClusterRig.restHire(n, domain, managerId, sequenceId);
        statuses.merge(ClusterRig.hireOverRest(first, FaultRig.ADMIN_TOKEN, json), 1, Integer::sum);
        if (duplicate) {
            statuses.merge(ClusterRig.hireOverRest(other, FaultRig.ADMIN_TOKEN, json), 1, Integer::sum);
        }
    }

    long lockedJobs() {
        return ClusterRig.single(databaseUrl, "select count(*) from act_ru_job where lock_owner_ is not null");
    }

    /** The locked jobs, one line each: id, activity, when locked (its expiry less the lock time), retries, exception. */
    List<String> lockedJobLines(long lockMillis) {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(databaseUrl,
                TestDatabase.get().username(), TestDatabase.get().password());
                java.sql.Statement statement = connection.createStatement();
                java.sql.ResultSet rs = statement.executeQuery(
                        """
                                select j.id_, d.act_id_, j.lock_exp_time_ - make_interval(secs => %d / 1000.0), now(), j.retries_,
                                       left(coalesce(j.exception_msg_, ''), 120)
                                from act_ru_job j left join act_ru_jobdef d on d.id_ = j.job_def_id_
                                where j.lock_owner_ is not null order by 3"""
                                .formatted(lockMillis))) {
            List<String> lines = new java.util.ArrayList<>();
            while (rs.next()) {
                lines.add("%s %s lockedAt=%s now=%s retries=%d %s".formatted(rs.getString(1), rs.getString(2),
                        rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant(), rs.getInt(5), rs.getString(6)));
            }
            return lines;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for every journey and mail of hires 0 to {@code hires - 1}, then counts. */
    Result awaitRecovery(int hires, long started) {
        List<Integer> all = IntStream.range(0, hires).boxed().toList();
        ClusterRig.Outcome outcome = ClusterRig.awaitEveryJourneyAndMail(databaseUrl, domain, smtp, all);
        long lost = outcome.mails().without(ClusterRig.INVITATION, all).size()
                + outcome.mails().without(ClusterRig.ACTION, all).size()
                + (hires - outcome.counts().employeesWithJourney());
        long deadLetters = TopicReader.records(bootstrap, topics + ".hire-requests.DLT").size()
                + TopicReader.records(bootstrap, topics + ".new-hires.DLT").size();
        return new Result(hires, outcome, lost, deadLetters, Map.copyOf(statuses),
                (System.nanoTime() - started) / 1_000_000_000L);
    }

    record Result(int hires, ClusterRig.Outcome outcome, long lost, long deadLetters, Map<Integer, Integer> statuses,
            long seconds) {

        @Override
        public String toString() {
            return ("hires=%d journeys=%d mails=%d lost=%d doubled=%d seconds=%d (%s timersFired=%d timersFiredTwice=%d"
                    + " deadLetters=%d restAnswers=%s doubledBySubject=%s)").formatted(hires,
                            outcome.counts().journeys(),
                            outcome.mails().total(), lost, outcome.mails().doubled(), seconds, outcome.counts(),
                            outcome.timersFired(), outcome.timersFiredTwice(), deadLetters, statuses,
                            outcome.mails().doubledBySubject());
        }

        /** One employee and one journey per distinct hire, its mails, its timer once, no dead letter, no 5xx. */
        void assertEveryHireOnce() {
            assertThat(outcome.counts().employees()).isEqualTo(hires);
            assertThat(outcome.counts().journeys()).isEqualTo(hires);
            assertThat(outcome.counts().employeesWithJourney()).isEqualTo(hires);
            assertThat(outcome.counts().duplicateJourneys()).isZero();
            assertThat(outcome.counts().duplicateEmployees()).isZero();
            assertThat(lost).as("hires without their journey, invitation or action mail").isZero();
            assertThat(outcome.timersFired()).isEqualTo(hires);
            assertThat(outcome.timersFiredTwice()).isZero();
            assertThat(deadLetters).isZero();
            assertThat(statuses.keySet()).as("REST answers: created, or the duplicate answered; never 5xx or none")
                    .allMatch(status -> status / 100 == 2 || status / 100 == 4);
        }
    }

    @Override
    public void close() throws InterruptedException {
        producer.close(Duration.ofSeconds(5));
        a.stop();
        if (b.isAlive()) {
            b.stop();
        }
        broker.destroy();
        broker.waitFor(60, TimeUnit.SECONDS);
        smtp.stop();
    }
}
