package dev.onboardingengine.workflow.testing;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Moves Camunda's clock and runs the jobs that are due then: how tests make a journey's timers fire
 * without sleeping.
 */
public final class EngineClock {

    private EngineClock() {
    }

    public static void moveTo(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    public static void reset() {
        ClockUtil.reset();
    }

    /**
     * Waits until the journey of this business key (the employee id) has been started from Kafka,
     * then runs its due jobs: the invitation is an asynchronous step, so without the job executor
     * a journey stays a draft until then.
     */
    public static void awaitJourneyAndRunDueJobs(ManagementService management,
            org.camunda.bpm.engine.RuntimeService runtime, String businessKey) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).count() > 0);
        runDueJobsOfJourney(management, runtime, businessKey);
    }

    /**
     * Executes every job due now in the journey of this business key, including the sequences it
     * called and the jobs those jobs create.
     */
    public static int runDueJobsOfJourney(ManagementService management, org.camunda.bpm.engine.RuntimeService runtime,
            String businessKey) {
        int executed = 0;
        for (int round = 0; round < 100; round++) {
            List<String> instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()
                    .stream().map(org.camunda.bpm.engine.runtime.ProcessInstance::getId).toList();
            List<Job> due = instances.isEmpty()
                    ? List.of()
                    : management.createJobQuery().processInstanceIds(new java.util.HashSet<>(instances)).executable()
                            .list();
            if (due.isEmpty()) {
                return executed;
            }
            for (Job job : due) {
                management.executeJob(job.getId());
                executed++;
            }
        }
        throw new IllegalStateException("Jobs of journey " + businessKey + " keep becoming due: a timer loop?");
    }

    /** Executes every job due at the engine's current time, including jobs those jobs create. */
    public static int runDueJobs(ManagementService management, String processInstanceId) {
        int executed = 0;
        for (int round = 0; round < 100; round++) {
            List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
            if (due.isEmpty()) {
                return executed;
            }
            for (Job job : due) {
                management.executeJob(job.getId());
                executed++;
            }
        }
        throw new IllegalStateException("Jobs of " + processInstanceId + " keep becoming due: a timer loop?");
    }
}
