package dev.onboardingengine.api.dialect.workelo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;

import dev.onboardingengine.api.dialect.workelo.WorkeloClient.Answer;
import dev.onboardingengine.workflow.testing.EngineClock;

/**
 * A started track with the shipped "Administrative paperwork" sequence whose actions have fallen due:
 * the engine's clock is moved to six days before the 2026-06-01 start and the due jobs are run.
 */
record PaperworkTrack(long id, long hireId, long hrId, long managerId, long buddyId) {

    static PaperworkTrack open(WorkeloClient workelo, RuntimeService runtime, ManagementService management) {
        return open(workelo, runtime, management, workelo.get("/unit_organizations").id(0));
    }

    /** @param unitId the unit of the hire and their stakeholders */
    static PaperworkTrack open(WorkeloClient workelo, RuntimeService runtime, ManagementService management,
            long unitId) {
        EngineClock.moveTo(Instant.parse("2026-05-01T08:00:00Z"));
        long hr = employee(workelo, "Hannah", 3, unitId);
        long manager = employee(workelo, "Max", 2, unitId);
        long buddy = employee(workelo, "Bea", 1, unitId);
        long paperwork = workelo.get("/templates?mobility=onboarding").list().stream()
                .filter(t -> "sequence-administrative-paperwork".equals(t.get("process_key"))).findFirst()
                .map(t -> ((Number) t.get("id")).longValue()).orElseThrow();
        Answer created = workelo.post("/tracks", """
                {"mobility": "onboarding", "start_date": "2026-06-01",
                 "employee": {"first_name": "John", "last_name": "Martin", "email": "john.%s@company.com",
                              "job_position": "Developer", "unit_organization_id": %d},
                 "implications": {"hr_id": %d, "manager_id": %d, "buddy_id": %d},
                 "template_ids": [%d]}""".formatted(UUID.randomUUID(), unitId, hr, manager, buddy, paperwork));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long hire = ((Number) created.body().get("employee_id")).longValue();
        assertThat(workelo.put("/tracks/" + created.id() + "/start", "{}").status()).isEqualTo(200);
        EngineClock.runDueJobsOfJourney(management, runtime, Long.toString(hire));
        EngineClock.moveTo(Instant.parse("2026-05-26T08:00:00Z"));
        EngineClock.runDueJobsOfJourney(management, runtime, Long.toString(hire));
        return new PaperworkTrack(created.id(), hire, hr, manager, buddy);
    }

    private static long employee(WorkeloClient workelo, String first, int roleId, long unitId) {
        Answer answer = workelo.post("/employees", """
                {"first_name": "%s", "last_name": "Paperwork", "email": "%s.%s@company.com", "user_role_id": %d,
                 "unit_organization_id": %d}""".formatted(first, first.toLowerCase(), UUID.randomUUID(), roleId,
                unitId));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.id();
    }
}
