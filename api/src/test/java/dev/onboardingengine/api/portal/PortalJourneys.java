package dev.onboardingengine.api.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.onboardingengine.api.ApiIntegrationTest;
import dev.onboardingengine.api.dialect.workelo.WorkeloClient;
import dev.onboardingengine.api.dialect.workelo.WorkeloClient.Answer;
import dev.onboardingengine.workflow.testing.EngineClock;

/**
 * Journeys for the portal's tests, made through the Workelo API as a client would: a buddy, a manager,
 * and a hire created with a track on the test sequence {@code sequence-portal-first-days} (two to-dos for
 * the hire, one for the buddy, one for the manager), started, its due jobs run so the actions exist. The
 * caller sets the engine clock first; the start day is a month after 2026-05-01.
 */
public final class PortalJourneys {

    static final String SEQUENCE_KEY = "sequence-portal-first-days";
    static final String START_DATE = "2026-06-01";

    private final WorkeloClient admin;
    private final RepositoryService repository;
    private final ManagementService management;
    private final RuntimeService runtime;

    public PortalJourneys(int port, ObjectMapper objectMapper, RepositoryService repository,
            ManagementService management,
            RuntimeService runtime) {
        this.admin = new WorkeloClient(port, ApiIntegrationTest.ADMIN_TOKEN, objectMapper);
        this.repository = repository;
        this.management = management;
        this.runtime = runtime;
    }

    /** A started journey and its people. */
    public record Journey(long trackId, long hire, String hireEmail, String hireExternalId, long buddy, long manager,
            long hr, String processInstanceId) {
    }

    public WorkeloClient admin() {
        return admin;
    }

    /** @param unitId the hire's unit, or null for none */
    Journey started(String firstName, Long unitId) {
        deploySequence();
        return started(firstName, unitId, SEQUENCE_KEY);
    }

    /** A started journey with one of the shipped sequences (sequenceKey) instead of the test sequence. */
    Journey started(String firstName, Long unitId, String sequenceKey) {
        return started(draft(firstName, unitId, sequenceKey, null));
    }

    /** A started journey on the test sequence whose manager is an existing person (one manager, several hires). */
    public Journey startedWithManager(String firstName, Long unitId, long manager) {
        deploySequence();
        return started(draft(firstName, unitId, SEQUENCE_KEY, manager));
    }

    private Journey started(Journey journey) {
        Answer started = admin.put("/tracks/" + journey.trackId() + "/start", null);
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        EngineClock.runDueJobsOfJourney(management, runtime, Long.toString(journey.hire()));
        assertThat(admin.get("/tracks/" + journey.trackId()).body()).containsEntry("status", "invitation_sent");
        return journey;
    }

    /** A track created and not started: its employee is not active yet. */
    Journey draft(String firstName, Long unitId) {
        deploySequence();
        return draft(firstName, unitId, SEQUENCE_KEY, null);
    }

    private Journey draft(String firstName, Long unitId, String sequenceKey, Long existingManager) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long buddy = employee("Bea", "Diallo", 1);
        long manager = existingManager != null ? existingManager : employee("Max", "Keller", 2);
        long hr = employee("Hannah", "Reyes", 3);
        long template = admin.get("/templates?mobility=onboarding").list().stream()
                .filter(item -> sequenceKey.equals(item.get("process_key"))).findFirst()
                .map(item -> ((Number) item.get("id")).longValue()).orElseThrow();
        String email = firstName.toLowerCase() + "." + run + "@company.com";
        String externalId = "HR-" + run;
        Answer created = admin.post("/tracks", """
                {"mobility": "onboarding", "start_date": "%s",
                 "employee": {"first_name": "%s", "last_name": "Martin", "email": "%s", "external_id": "%s",
                              "job_position": "Developer", "time_zone": "Europe/Paris"%s},
                 "implications": {"manager_id": %d, "buddy_id": %d, "hr_id": %d},
                 "template_ids": [%d]}""".formatted(START_DATE, firstName, email, externalId,
                unitId == null ? "" : ", \"unit_organization_id\": " + unitId, manager, buddy, hr, template));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Journey(created.id(), ((Number) created.body().get("employee_id")).longValue(), email, externalId,
                buddy, manager, hr, (String) created.body().get("process_instance_id"));
    }

    /** A person of Workelo's role roleId (1 colleague, 2 manager, 3 hr), with an email no other test uses. */
    public long employee(String first, String last, int roleId) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Answer answer = admin.post("/employees", """
                {"first_name": "%s", "last_name": "%s", "email": "%s.%s.%s@company.com", "user_role_id": %d}"""
                .formatted(first, last, first.toLowerCase(), last.toLowerCase(), unique, roleId));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.id();
    }

    /** GET /user_magic_links/{id} as the administrator: the link's address. */
    String linkOf(long employeeId) {
        Answer answer = admin.get("/user_magic_links/" + employeeId);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return (String) answer.body().get("magic_link");
    }

    /** Deploys the test sequence once per database (tests share one). */
    private synchronized void deploySequence() {
        if (repository.createProcessDefinitionQuery().processDefinitionKey(SEQUENCE_KEY).count() > 0) {
            return;
        }
        try (InputStream bpmn = PortalJourneys.class.getResourceAsStream("/portal/" + SEQUENCE_KEY + ".bpmn")) {
            repository.createDeployment().name(SEQUENCE_KEY).addInputStream(SEQUENCE_KEY + ".bpmn", bpmn).deploy();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
