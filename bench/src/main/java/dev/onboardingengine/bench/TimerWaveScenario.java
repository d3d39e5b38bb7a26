package dev.onboardingengine.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scenario 3: the journeys of scenario 1 all start on the same day, so their Timer_StartDay jobs
 * fall due together when Camunda's clock is moved past it; then the bare copies' timers, a week
 * later, on the same job executor.
 */
final class TimerWaveScenario {

    static final String SCENARIO = "3 timer wave";

    private final EngineUnderTest engine;
    private final Results results;
    private final String bareDefinitionId;

    TimerWaveScenario(EngineUnderTest engine, Results results, String bareDefinitionId) {
        this.engine = engine;
        this.results = results;
        this.bareDefinitionId = bareDefinitionId;
    }

    void run() {
        JdbcTemplate jdbc = engine.jdbc();
        ProcessEngine processEngine = engine.processEngine();
        String waiting = "select count(*) from journey j join employee e on e.id = j.employee_id "
                + "where e.email like 'bench-%' and j.status = 'invitation_sent'";
        String started = "select count(*) from journey j join employee e on e.id = j.employee_id "
                + "where e.email like 'bench-%' and j.status = 'in_progress'";
        long journeys = jdbc.queryForObject(waiting, Long.class);
        long bare = topUpBareInstances(journeys);
        try {
            Progress.say("Scenario 3: %d journeys' start-day timers fall due together", journeys);
            double engineSeconds = wave(IntakeScenario.ENGINE_START_DAY, "journeys in_progress", journeys,
                    () -> jdbc.queryForObject(started, Long.class));
            Progress.say("Scenario 3: %d bare copies' start-day timers fall due together", bare);
            double bareSeconds = wave(IntakeScenario.BARE_START_DAY, "bare instances past Timer_StartDay", bare,
                    () -> processEngine.getHistoryService().createHistoricActivityInstanceQuery()
                            .processDefinitionId(bareDefinitionId).activityId("Status_InProgress").count());
            double engineRate = journeys / engineSeconds;
            double bareRate = bare / bareSeconds;
            results.add(SCENARIO, "engine: " + journeys + " start-day timers until all in_progress", engineSeconds, "s",
                    "");
            results.add(SCENARIO, "engine: timer jobs", engineRate, "per s", "");
            results.add(SCENARIO, "bare Camunda: " + bare + " start-day timers", bareSeconds, "s", "");
            results.add(SCENARIO, "bare Camunda: timer jobs", bareRate, "per s", "");
            results.add(SCENARIO, "ratio engine / bare Camunda (jobs per s)", engineRate / bareRate, "x",
                    IntakeScenario.verdict(engineRate / bareRate >= 0.7, "target >= 0.7"));
        } finally {
            ClockUtil.reset();
        }
    }

    /**
     * Starts more bare copies until as many wait at Timer_StartDay as there are journeys, so that both
     * waves have the same size (scenario 1 leaves one bare copy per two journeys: REST and topic).
     */
    private long topUpBareInstances(long journeys) {
        ProcessEngine processEngine = engine.processEngine();
        java.util.function.LongSupplier atTimer = () -> processEngine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionId(bareDefinitionId).activityIdIn("Timer_StartDay").count();
        long missing = journeys - atTimer.getAsLong();
        if (missing > 0) {
            Progress.say("Scenario 3: %d more bare copies, so that both waves have %d timers", missing, journeys);
            Date startsAt = Date.from(IntakeScenario.BARE_START_DAY.atTime(9, 0).toInstant(ZoneOffset.UTC));
            Date endsAt = Date.from(IntakeScenario.BARE_START_DAY.plusDays(90).atTime(9, 0).toInstant(ZoneOffset.UTC));
            for (int i = 0; i < missing; i++) {
                processEngine.getRuntimeService().startProcessInstanceById(bareDefinitionId, "bare-wave-" + i,
                        IntakeScenario.journeyVariables(2_000_000 + i, startsAt, endsAt));
            }
            Deadline.await("bare copies at Timer_StartDay", journeys, atTimer, Duration.ofSeconds(120 + missing / 2),
                    Duration.ofMillis(200));
        }
        return atTimer.getAsLong();
    }

    private double wave(LocalDate day, String what, long target, java.util.function.LongSupplier done) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(9, 1).toInstant(ZoneOffset.UTC)));
        long start = System.nanoTime();
        JobExecutor jobExecutor = engine.configuration().getJobExecutor();
        jobExecutor.jobWasAdded();
        boolean all = Deadline.await(what, target, done, Duration.ofSeconds(120 + target / 5), Duration.ofMillis(100));
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!all) {
            results.note("Notes", "- Timer wave '" + what + "' did not finish within its time limit.");
        }
        return seconds;
    }
}
