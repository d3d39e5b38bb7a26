package dev.onboardingengine.api.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.onboardingengine.workflow.testing.TestBroker;
import dev.onboardingengine.workflow.testing.TestDatabase;

/**
 * Two engine processes (the packaged jar) started at the same moment on an empty PostgreSQL database,
 * ten times in a row: both come up ready, with Camunda's schema and ours migrated once, one first
 * administrator (API directory and Camunda), and the sample documents and form fields once. Before the
 * schema came from Flyway and the first-start work took {@code node_startup}'s lock, one of the two
 * starts failed on a duplicate. The job executor stays off; each pair stops as soon as it is ready.
 */
class ConcurrentFirstStartFaultTests {

    private static final int ROUNDS = 10;
    private static final Duration START_UP = Duration.ofSeconds(240);

    @Test
    void twoNodesStartingAtOnceOnAnEmptyDatabaseBothComeUpCleanlyTenTimesInARow() throws Exception {
        long started = System.nanoTime();
        List<String> rounds = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            long roundStarted = System.nanoTime();
            String databaseUrl = TestDatabase.get().freshDatabaseUrl("first_start");
            String topics = "first-start-" + UUID.randomUUID();
            List<String> properties = FaultRig.engineProperties(databaseUrl, TestBroker.get().bootstrapServers(),
                    topics);
            Path log = Path.of("target", "fault-suite", topics + ".log");
            int portA = FaultRig.freePort();
            int portB = FaultRig.freePort();

            // Given two nodes started at the same moment on an empty database
            FaultRig.EngineProcess a = FaultRig.EngineProcess.start(properties, log, portA);
            FaultRig.EngineProcess b = FaultRig.EngineProcess.start(properties, log, portB);
            try {
                // Then both become ready (a node whose start failed exits, and never answers)
                await("round " + round + ": both nodes ready (log " + log + ")").atMost(START_UP)
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> !a.isAlive() || !b.isAlive()
                                || FaultRig.isReady(portA) && FaultRig.isReady(portB));
                assertThat(a.isAlive()).as("round %d: node A alive (log %s)", round, log).isTrue();
                assertThat(b.isAlive()).as("round %d: node B alive (log %s)", round, log).isTrue();
                assertThat(FaultRig.isReady(portA) && FaultRig.isReady(portB)).as("round %d: both ready", round)
                        .isTrue();

                // And the first-start rows are there once
                try (Connection connection = DriverManager.getConnection(databaseUrl, TestDatabase.get().username(),
                        TestDatabase.get().password())) {
                    assertThat(single(connection, "select count(*) from flyway_schema_history where not success"))
                            .as("failed migrations").isZero();
                    assertThat(single(connection,
                            "select count(*) from flyway_schema_history where version = '2026.12.03.10'"))
                            .as("Camunda's schema migration").isEqualTo(1);
                    assertThat(
                            single(connection, "select count(*) from act_ge_property where name_ = 'schema.version'"))
                            .isEqualTo(1);
                    assertThat(single(connection, "select count(*) from employee where role = 'ADMIN'"))
                            .as("first administrators").isEqualTo(1);
                    assertThat(single(connection, "select count(*) from act_id_user")).as("Camunda users").isEqualTo(1);
                    assertThat(single(connection, "select count(*) from document_resource")).as("sample documents")
                            .isEqualTo(2);
                    assertThat(single(connection, "select count(*) from paperwork_resource")).as("form fields")
                            .isPositive();
                }
            } finally {
                a.stop();
                b.stop();
            }
            FaultRig.onServer(databaseUrl, "drop database if exists " + FaultRig.databaseName(databaseUrl));
            rounds.add(String.valueOf((System.nanoTime() - roundStarted) / 1_000_000_000L));
        }
        System.out.printf("FIRST START rounds=%d bothReady=%d seconds=%d perRound=%s%n", ROUNDS, rounds.size(),
                (System.nanoTime() - started) / 1_000_000_000L, String.join(",", rounds));
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
