package dev.onboardingengine.api.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import dev.onboardingengine.workflow.testing.TestBroker;
import dev.onboardingengine.workflow.testing.TestDatabase;
import dev.onboardingengine.workflow.testing.TopicReader;

/**
 * Fault case (d): the engine's database refuses every connection for {@value #OUTAGE_SECONDS} s
 * ({@code ALTER DATABASE ... ALLOW_CONNECTIONS false} and its sessions terminated: unlike a revoked
 * CONNECT privilege this holds for the superuser the tests connect as) while hire requests keep
 * arriving. Nothing is dead-lettered or lost; the consumers resume by themselves.
 */
class DatabaseOutageFaultTests {

    private static final int BEFORE = 80;
    private static final int DURING = 60;
    private static final int OUTAGE_SECONDS = 10;

    @Test
    void hireRequestsSentWhileTheDatabaseIsAwayAreAllAcceptedOnceItReturns() throws Exception {
        String databaseUrl = TestDatabase.get().freshDatabaseUrl("fault_d");
        String database = FaultRig.databaseName(databaseUrl);
        String topics = "fault-d-" + UUID.randomUUID();
        String domain = topics + ".example";
        String bootstrap = TestBroker.get().bootstrapServers();
        String topic = topics + ".hire-requests";

        try (ConfigurableApplicationContext engine = FaultRig
                .startEngine(FaultRig.engineProperties(databaseUrl, bootstrap, topics), false);
                KafkaProducer<String, String> producer = FaultRig.producer(bootstrap)) {
            long started = System.nanoTime();
            // Given hire requests being worked through
            for (int n = 0; n < BEFORE; n++) {
                producer.send(new ProducerRecord<>(topic, "D-" + n, FaultRig.hireRequest("D-" + n, domain, n)));
            }
            producer.flush();
            FaultRig.Counts atOutage = await().atMost(FaultRig.EVENTUALLY).pollInterval(Duration.ofMillis(200))
                    .until(() -> FaultRig.count(databaseUrl, domain), c -> c.employees() >= BEFORE / 4);

            // When the database goes away mid-run, and more requests arrive meanwhile
            FaultRig.onServer(databaseUrl, "alter database " + database + " allow_connections false");
            long outageStarted = System.nanoTime();
            try {
                FaultRig.onServer(databaseUrl,
                        "select pg_terminate_backend(pid) from pg_stat_activity where datname = '"
                                + database + "' and pid <> pg_backend_pid()");
                for (int n = BEFORE; n < BEFORE + DURING; n++) {
                    producer.send(new ProducerRecord<>(topic, "D-" + n, FaultRig.hireRequest("D-" + n, domain, n)));
                }
                producer.flush();
                Thread.sleep(Math.max(0, OUTAGE_SECONDS * 1000L - (System.nanoTime() - outageStarted) / 1_000_000));
                assertThat(FaultRig.count(databaseUrl, domain).employees()).as("the database is really away")
                        .isEqualTo(-1);
            } finally {
                // And it comes back
                FaultRig.onServer(databaseUrl, "alter database " + database + " allow_connections true");
            }
            long outageSeconds = (System.nanoTime() - outageStarted) / 1_000_000_000L;

            // Then every request has its employee and journey, once, and nothing went to a dead-letter topic
            int sent = BEFORE + DURING;
            FaultRig.Counts counts = await().atMost(FaultRig.EVENTUALLY).pollInterval(Duration.ofSeconds(1))
                    .until(() -> FaultRig.count(databaseUrl, domain),
                            c -> c.employees() == sent && c.journeys() >= sent);
            await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(20))
                    .until(() -> FaultRig.count(databaseUrl, domain).equals(counts));
            long deadLetters = TopicReader.records(bootstrap, topic + ".DLT").size()
                    + TopicReader.records(bootstrap, topics + ".new-hires.DLT").size();
            System.out.printf("FAULT (d) database outage of %d s: sent=%d atOutage=[%s] -> %s deadLetters=%d in %d s%n",
                    outageSeconds, sent, atOutage, counts, deadLetters, (System.nanoTime() - started) / 1_000_000_000L);

            assertThat(counts.employees()).isEqualTo(sent);
            assertThat(counts.journeys()).isEqualTo(sent);
            assertThat(counts.employeesWithJourney()).isEqualTo(sent);
            assertThat(counts.duplicateJourneys()).isZero();
            assertThat(counts.duplicateEmployees()).isZero();
            assertThat(deadLetters).isZero();
        }
    }
}
