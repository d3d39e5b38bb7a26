package dev.onboardingengine.api.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import dev.onboardingengine.workflow.testing.TestBroker;
import dev.onboardingengine.workflow.testing.TestDatabase;
import dev.onboardingengine.workflow.testing.TopicReader;

/**
 * Fault case (c): the engine, a process of its own started from the packaged jar, is killed with
 * SIGKILL while it works through hire requests (in the middle of transactions, offsets uncommitted,
 * outbox publications unsent), more requests arrive while it is down, and it is started again on the
 * same database. Every hire ends with exactly one employee and one journey.
 */
class EngineKillFaultTests {

    private static final int BEFORE_KILL = 120;
    private static final int WHILE_DOWN = 40;

    @Test
    void anEngineKilledMidRunLosesAndDoublesNothingOnceRestarted() throws Exception {
        String databaseUrl = TestDatabase.get().freshDatabaseUrl("fault_c");
        String topics = "fault-c-" + UUID.randomUUID();
        String domain = topics + ".example";
        String bootstrap = TestBroker.get().bootstrapServers();
        String topic = topics + ".hire-requests";
        List<String> properties = FaultRig.engineProperties(databaseUrl, bootstrap, topics);
        Path log = Path.of("target", "fault-suite", topics + ".log");
        long started = System.nanoTime();

        try (KafkaProducer<String, String> producer = FaultRig.producer(bootstrap)) {
            // Given an engine process working through a backlog of hire requests
            for (int n = 0; n < BEFORE_KILL; n++) {
                producer.send(new ProducerRecord<>(topic, "C-" + n, FaultRig.hireRequest("C-" + n, domain, n)));
            }
            producer.flush();
            FaultRig.EngineProcess engine = FaultRig.EngineProcess.start(properties, log);
            FaultRig.Counts atKill;
            try {
                atKill = await().atMost(FaultRig.EVENTUALLY).pollInterval(Duration.ofMillis(200))
                        .until(() -> FaultRig.count(databaseUrl, domain), c -> c.employees() >= BEFORE_KILL / 4);

                // When it is killed with SIGKILL mid-run
                engine.kill();
            } finally {
                if (engine.isAlive()) {
                    engine.kill();
                }
            }
            FaultRig.Counts afterKill = FaultRig.count(databaseUrl, domain);

            // And more requests arrive while it is down, and it is started again
            for (int n = BEFORE_KILL; n < BEFORE_KILL + WHILE_DOWN; n++) {
                producer.send(new ProducerRecord<>(topic, "C-" + n, FaultRig.hireRequest("C-" + n, domain, n)));
            }
            producer.flush();
            FaultRig.EngineProcess restarted = FaultRig.EngineProcess.start(properties, log);
            try {
                // Then every request has one employee with one journey
                int sent = BEFORE_KILL + WHILE_DOWN;
                FaultRig.Counts counts = await().atMost(FaultRig.EVENTUALLY).pollInterval(Duration.ofSeconds(1))
                        .until(() -> FaultRig.count(databaseUrl, domain),
                                c -> c.employees() == sent && c.journeys() >= sent);
                await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(20))
                        .until(() -> FaultRig.count(databaseUrl, domain).equals(counts));
                long deadLetters = TopicReader.records(bootstrap, topic + ".DLT").size()
                        + TopicReader.records(bootstrap, topics + ".new-hires.DLT").size();
                System.out.printf("FAULT (c) SIGKILL of engine pid %d: sent=%d atKill=[%s] afterKill=[%s] -> %s"
                        + " deadLetters=%d in %d s%n", restarted.pid(), sent, atKill, afterKill, counts, deadLetters,
                        (System.nanoTime() - started) / 1_000_000_000L);

                assertThat(atKill.journeys()).isLessThan(sent);
                assertThat(counts.employees()).isEqualTo(sent);
                assertThat(counts.journeys()).isEqualTo(sent);
                assertThat(counts.employeesWithJourney()).isEqualTo(sent);
                assertThat(counts.duplicateJourneys()).isZero();
                assertThat(counts.duplicateEmployees()).isZero();
                assertThat(deadLetters).isZero();
            } finally {
                restarted.stop();
            }
        }
    }
}
