package dev.onboardingengine.api.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import dev.onboardingengine.workflow.broker.LocalKafkaBroker;
import dev.onboardingengine.workflow.testing.TestDatabase;

/**
 * Fault case (b): the broker stops in the middle of a run of REST hires and comes back on the same
 * log and port. The API keeps accepting (the events wait in the outbox); afterwards every committed
 * hire has its journey, once. The issue asks for a 30 s outage; the suite stops the broker for
 * {@value #OUTAGE_SECONDS} s, long enough for every producer request and consumer fetch to fail.
 */
class BrokerOutageFaultTests {

    private static final int PER_PHASE = 40;
    private static final int OUTAGE_SECONDS = 30;

    @Test
    void everyHireCommittedWhileTheBrokerWasDownGetsItsJourneyOnceItReturns() throws Exception {
        String databaseUrl = TestDatabase.get().freshDatabaseUrl("fault_b");
        String topics = "fault-b-" + UUID.randomUUID();
        String domain = topics + ".example";
        Path brokerLog = Files.createTempDirectory("fault-b-kafka");
        LocalKafkaBroker broker = LocalKafkaBroker.start(brokerLog, 0);
        int brokerPort = Integer
                .parseInt(broker.bootstrapServers().substring(broker.bootstrapServers().lastIndexOf(':') + 1));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        try (ConfigurableApplicationContext engine = FaultRig
                .startEngine(FaultRig.engineProperties(databaseUrl, broker.bootstrapServers(), topics), true)) {
            String api = "http://127.0.0.1:" + engine.getEnvironment().getProperty("local.server.port") + "/api/users/";
            long started = System.nanoTime();

            // Given hires posted while the broker runs
            int accepted = post(http, api, domain, 0, PER_PHASE);

            // When the broker stops and hires keep coming, for the length of the outage
            broker.close();
            long outageStarted = System.nanoTime();
            accepted += post(http, api, domain, PER_PHASE, PER_PHASE);
            Thread.sleep(Math.max(0, OUTAGE_SECONDS * 1000L - (System.nanoTime() - outageStarted) / 1_000_000));
            long outageSeconds = (System.nanoTime() - outageStarted) / 1_000_000_000L;
            long journeysDuringOutage = FaultRig.count(databaseUrl, domain).journeys();

            // And it returns on the same log and port, and more hires come
            broker = LocalKafkaBroker.start(brokerLog, brokerPort);
            accepted += post(http, api, domain, 2 * PER_PHASE, PER_PHASE);

            // Then every committed hire has its journey, and none has two
            int sent = 3 * PER_PHASE;
            FaultRig.Counts counts = await().atMost(FaultRig.EVENTUALLY).pollInterval(Duration.ofSeconds(1))
                    .until(() -> FaultRig.count(databaseUrl, domain),
                            c -> c.journeys() >= c.employees() && c.employees() == sent);
            // Resubmitted events are delivered again: give them time to try for a second journey.
            await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(20))
                    .until(() -> FaultRig.count(databaseUrl, domain).equals(counts));
            System.out.printf("FAULT (b) broker outage of %d s: sent=%d accepted=%d journeysDuringOutage=%d -> %s"
                    + " deadLetters=0 (none possible: REST) in %d s%n", outageSeconds, sent, accepted,
                    journeysDuringOutage,
                    counts, (System.nanoTime() - started) / 1_000_000_000L);

            assertThat(accepted).isEqualTo(sent);
            assertThat(counts.employees()).isEqualTo(sent);
            assertThat(counts.journeys()).isEqualTo(sent);
            assertThat(counts.employeesWithJourney()).isEqualTo(sent);
            assertThat(counts.duplicateJourneys()).isZero();
            assertThat(counts.duplicateEmployees()).isZero();
        } finally {
            broker.close();
        }
    }

    /** @return how many were answered 201 */
    private static int post(HttpClient http, String api, String domain, int from, int count) throws Exception {
        int created = 0;
        for (int n = from; n < from + count; n++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(api)).timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Token " + FaultRig.ADMIN_TOKEN)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"first_name":"Bea","last_name":"Broker %d","email":"bea.%d@%s","start_day":"%s",
                             "timezone":"UTC","role":0}""".formatted(n, n, domain, LocalDate.now().plusDays(7))))
                    .build();
            if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 201) {
                created++;
            }
        }
        return created;
    }
}
