package dev.onboardingengine.processes;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Does what the job executor would do while the clock moves on to a moment: runs every job that falls
 * due by then, in due-date order, each with the clock at its due date (a continuation made by a job
 * runs at that job's moment), until nothing is due. The test engines have no job executor of their
 * own, so nothing runs unless a test moves the clock; nothing sleeps.
 */
final class SimulatedJobExecutor {

    /** More jobs than any shipped diagram makes by one moment: a loop that never ends fails instead. */
    private static final int MAX_JOBS = 500;

    private final ManagementService management;

    SimulatedJobExecutor(ManagementService management) {
        this.management = management;
    }

    /** Moves the clock to {@code moment}, running each job that falls due on the way. */
    void runUntil(Instant moment) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        if (moment.isBefore(now)) {
            throw new IllegalArgumentException("The clock only moves forward: " + moment + " is before " + now);
        }
        for (int run = 0; run < MAX_JOBS; run++) {
            ClockUtil.setCurrentTime(Date.from(moment));
            List<Job> due = management.createJobQuery().executable().orderByJobDuedate().asc().listPage(0, 1);
            if (due.isEmpty()) {
                return;
            }
            Job next = due.get(0);
            if (next.getDuedate() != null && next.getDuedate().toInstant().isAfter(now)) {
                now = next.getDuedate().toInstant();
            }
            ClockUtil.setCurrentTime(Date.from(now));
            management.executeJob(next.getId());
        }
        throw new IllegalStateException(
                "More than " + MAX_JOBS + " jobs fell due by " + moment + ": a loop in a diagram?");
    }

    void runUntil(Date moment) {
        runUntil(moment.toInstant());
    }

    /** Runs what is due now (asynchronous continuations, timers already past) without moving the clock. */
    void runDueJobs() {
        runUntil(ClockUtil.getCurrentTime().toInstant());
    }
}
