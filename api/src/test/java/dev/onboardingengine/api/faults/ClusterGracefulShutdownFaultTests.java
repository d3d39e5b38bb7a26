package dev.onboardingengine.api.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * SIGTERM of a busy cluster node is a graceful shutdown: the Camunda jobs it is running (mails, timers)
 * finish, and its consumers leave their groups at once. Node A takes requests and consumes but runs no
 * jobs, node B runs them all, with a job lock of 10 minutes and a consumer session of 2 minutes: a job
 * B cut short would still be locked after B has ended, and B would still be a group member, had it
 * just vanished. So right after B ends: no job is locked and each group has A alone. B is started
 * again to run the rest; every hire then has its journey and mails, and no mail went out twice.
 */
class ClusterGracefulShutdownFaultTests {

    private static final int HIRES = 200;
    private static final long LOCK_MILLIS = 600_000;
    /** Beyond spring.lifecycle.timeout-per-shutdown-phase (30 s) for each of its phases. */
    private static final Duration SHUTDOWN_BOUND = Duration.ofSeconds(150);

    @Test
    void aBusyNodeStoppedWithSigtermFinishesItsJobsAndLeavesItsConsumerGroupsAtOnce() throws Exception {
        UnaryOperator<List<String>> longSession = properties -> ClusterRig.with(properties,
                "spring.kafka.consumer.properties.session.timeout.ms", "120000");
        UnaryOperator<List<String>> noJobs = properties -> ClusterRig.with(longSession.apply(properties),
                "camunda.bpm.job-execution.enabled", "false");
        UnaryOperator<List<String>> allJobs = properties -> ClusterRig.with(longSession.apply(properties),
                "camunda.bpm.job-execution.lock-time-in-millis", String.valueOf(LOCK_MILLIS));
        try (TwoNodeCluster cluster = TwoNodeCluster.start("cluster_sigterm", "cluster-sigterm-", noJobs, allJobs)) {
            long started = System.nanoTime();
            String workflow = cluster.topics + "-workflow";
            String intake = cluster.topics + "-intake";
            await("both nodes in both consumer groups").atMost(Duration.ofSeconds(180))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> ClusterRig.members(cluster.bootstrap, workflow) == 2
                            && ClusterRig.members(cluster.bootstrap, intake) == 2);

            // Given B busy with the jobs of hires sent over both APIs and the topic
            IntStream.range(0, HIRES).forEach(n -> cluster.hire(n, TwoNodeCluster.Channel.ANY));
            cluster.producer.flush();
            await().atMost(ClusterRig.EVENTUALLY).pollInterval(Duration.ofMillis(200))
                    .until(() -> ClusterRig.Mails.of(cluster.smtp).count(ClusterRig.INVITATION) >= HIRES / 5);
            long lockedAtTerm = await().atMost(ClusterRig.EVENTUALLY).pollInterval(Duration.ofMillis(50))
                    .until(cluster::lockedJobs, locked -> locked > 0);

            // When B gets SIGTERM
            int mailsAtTerm = ClusterRig.Mails.of(cluster.smtp).total();
            List<String> lockedBefore = cluster.lockedJobLines(LOCK_MILLIS);
            boolean endedByItself = cluster.b.terminate(SHUTDOWN_BOUND);

            // Then it ended by itself, no job is left locked, and A alone is in each group
            long lockedAfter = cluster.lockedJobs();
            List<String> lockedAfterLines = cluster.lockedJobLines(LOCK_MILLIS);
            System.out.printf("CLUSTER sigterm: locked at SIGTERM:%n  %s%nlocked after:%n  %s%n",
                    String.join("\n  ", lockedBefore), String.join("\n  ", lockedAfterLines));
            int workflowMembers = ClusterRig.members(cluster.bootstrap, workflow);
            int intakeMembers = ClusterRig.members(cluster.bootstrap, intake);
            int mailsAfter = ClusterRig.Mails.of(cluster.smtp).total();
            System.out.printf("CLUSTER sigterm: lockedJobsAtTerm=%d lockedJobsAfter=%d endedByItself=%s"
                    + " members workflow=%d intake=%d mailsAtTerm=%d mailsAtEnd=%d%n", lockedAtTerm, lockedAfter,
                    endedByItself, workflowMembers, intakeMembers, mailsAtTerm, mailsAfter);
            assertThat(endedByItself).as("B ended by itself within %s of SIGTERM", SHUTDOWN_BOUND).isTrue();
            assertThat(lockedAfter).as("jobs B left locked (a lock lasts 10 minutes)").isZero();
            assertThat(workflowMembers).as("members of %s (a session lasts 2 minutes)", workflow).isEqualTo(1);
            assertThat(intakeMembers).as("members of %s (a session lasts 2 minutes)", intake).isEqualTo(1);

            // And once B runs again, every hire has its journey and mails, none twice
            cluster.b = FaultRig.EngineProcess.start(cluster.propertiesB, cluster.directory.resolve("node-b.log"),
                    cluster.portB);
            TwoNodeCluster.Result result = cluster.awaitRecovery(HIRES, started);
            System.out.printf("CLUSTER sigterm: %s%n", result);
            result.assertEveryHireOnce();
            assertThat(result.outcome().mails().doubled()).as("mails sent twice").isZero();
        }
    }
}
