package dev.onboardingengine.api.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.onboardingengine.workflow.testing.TestDatabase;

/**
 * The cluster's shared parts fail under it: two engine processes (the jar) on one PostgreSQL database,
 * one broker process of its own ({@code kafka-broker}), mail to a real SMTP server in this JVM, as in
 * {@link ClusterFaultTests}. {@value #HIRES} hires, a tenth of them sent twice, over both nodes' REST
 * APIs and the hire-requests topic; the broker or the database goes away mid-run and comes back. Then
 * every distinct hire has exactly one journey, its invitation and action mails (counted on the SMTP
 * server) and its start-day timer fired once, and nothing went to a dead-letter topic.
 */
class ClusterRestartFaultTests {

    private static final int HIRES = 300;
    private static final int BEFORE_FAULT = 150;
    private static final int DURING_FAULT = 100;
    private static final int OUTAGE_SECONDS = 20;

    @Test
    void theBrokerKilledAndRestartedOnItsPortAndLogMidRunLosesAndDoublesNothing() throws Exception {
        try (TwoNodeCluster cluster = TwoNodeCluster.start("cluster_broker", "cluster-broker-")) {
            long started = System.nanoTime();
            // Given hires over both APIs and the topic, being worked through
            IntStream.range(0, BEFORE_FAULT).forEach(n -> cluster.hire(n, TwoNodeCluster.Channel.ANY));
            cluster.producer.flush();
            await().atMost(ClusterRig.EVENTUALLY).pollInterval(Duration.ofMillis(200))
                    .until(() -> FaultRig.count(cluster.databaseUrl, cluster.domain).journeys() >= BEFORE_FAULT / 3);
            int mailsAtFault = ClusterRig.Mails.of(cluster.smtp).total();

            // When the broker process is killed (SIGKILL), and REST hires keep coming on both nodes meanwhile
            cluster.broker.destroyForcibly();
            cluster.broker.waitFor(30, TimeUnit.SECONDS);
            long outageStarted = System.nanoTime();
            IntStream.range(BEFORE_FAULT, BEFORE_FAULT + DURING_FAULT)
                    .forEach(n -> cluster.hire(n, TwoNodeCluster.Channel.REST));
            Thread.sleep(Math.max(0, OUTAGE_SECONDS * 1000L - (System.nanoTime() - outageStarted) / 1_000_000));
            long journeysDuringOutage = FaultRig.count(cluster.databaseUrl, cluster.domain).journeys();

            // And it is started again on the same port and log directory, and more hires come every way
            cluster.broker = ClusterRig.startBroker(cluster.brokerPort, cluster.directory);
            long outageSeconds = (System.nanoTime() - outageStarted) / 1_000_000_000L;
            IntStream.range(BEFORE_FAULT + DURING_FAULT, HIRES)
                    .forEach(n -> cluster.hire(n, TwoNodeCluster.Channel.ANY));
            cluster.producer.flush();

            // Then
            TwoNodeCluster.Result result = cluster.awaitRecovery(HIRES, started);
            System.out.printf("CLUSTER broker restart after %d s: %s (mailsAtFault=%d journeysDuringOutage=%d)%n",
                    outageSeconds, result, mailsAtFault, journeysDuringOutage);
            result.assertEveryHireOnce();
            assertThat(result.outcome().mails().doubled()).as("mails sent twice: no mail job needs the broker")
                    .isZero();
        }
    }

    @Test
    void theDatabaseAwayForTwentySecondsMidRunLosesNothingAndDoublesAtMostTheJobsCutShort() throws Exception {
        try (TwoNodeCluster cluster = TwoNodeCluster.start("cluster_database", "cluster-database-")) {
            long started = System.nanoTime();
            String database = FaultRig.databaseName(cluster.databaseUrl);
            // Given hires over both APIs and the topic, being worked through
            IntStream.range(0, BEFORE_FAULT).forEach(n -> cluster.hire(n, TwoNodeCluster.Channel.ANY));
            cluster.producer.flush();
            await().atMost(ClusterRig.EVENTUALLY).pollInterval(Duration.ofMillis(200))
                    .until(() -> FaultRig.count(cluster.databaseUrl, cluster.domain).journeys() >= BEFORE_FAULT / 3);
            int mailsAtFault = ClusterRig.Mails.of(cluster.smtp).total();

            // When the database refuses every connection and its sessions end (as DatabaseOutageFaultTests does:
            // this database alone, not the server other tests use), and hires keep coming on the topic
            long lockedAtFault;
            long outageStarted;
            try (Connection last = DriverManager.getConnection(cluster.databaseUrl, TestDatabase.get().username(),
                    TestDatabase.get().password())) {
                FaultRig.onServer(cluster.databaseUrl, "alter database " + database + " allow_connections false");
                outageStarted = System.nanoTime();
                lockedAtFault = lockedJobsThenTerminate(last, database);
            }
            try {
                IntStream.range(BEFORE_FAULT, BEFORE_FAULT + DURING_FAULT)
                        .forEach(n -> cluster.hire(n, TwoNodeCluster.Channel.TOPIC));
                cluster.producer.flush();
                Thread.sleep(Math.max(0, OUTAGE_SECONDS * 1000L - (System.nanoTime() - outageStarted) / 1_000_000));
                assertThat(FaultRig.count(cluster.databaseUrl, cluster.domain).employees())
                        .as("the database is really away").isEqualTo(-1);
            } finally {
                // And it comes back
                FaultRig.onServer(cluster.databaseUrl, "alter database " + database + " allow_connections true");
            }
            long outageSeconds = (System.nanoTime() - outageStarted) / 1_000_000_000L;
            IntStream.range(BEFORE_FAULT + DURING_FAULT, HIRES)
                    .forEach(n -> cluster.hire(n, TwoNodeCluster.Channel.ANY));
            cluster.producer.flush();

            // Then
            TwoNodeCluster.Result result = cluster.awaitRecovery(HIRES, started);
            System.out.printf("CLUSTER database outage of %d s: %s (mailsAtFault=%d lockedJobsAtFault=%d)%n",
                    outageSeconds, result, mailsAtFault, lockedAtFault);
            result.assertEveryHireOnce();
            // A mail job whose mail had gone out when its session was terminated rolls back and runs again
            // (SMTP is not in the transaction): at least once, so only a job locked at the fault can double.
            assertThat(result.outcome().mails().doubled()).isLessThanOrEqualTo(lockedAtFault);
        }
    }

    /**
     * The jobs locked (being run, or acquired to be) as the database goes away, counted on a session
     * opened before it refused new ones; then that session ends every other one at once.
     */
    private static long lockedJobsThenTerminate(Connection last, String database) throws SQLException {
        try (Statement statement = last.createStatement()) {
            long locked;
            try (ResultSet rs = statement
                    .executeQuery("select count(*) from act_ru_job where lock_owner_ is not null")) {
                rs.next();
                locked = rs.getLong(1);
            }
            statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database
                    + "' and pid <> pg_backend_pid()");
            return locked;
        }
    }

}
