package dev.onboardingengine.api.dialect.workelo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.onboardingengine.api.ApiIntegrationTest;
import dev.onboardingengine.api.dialect.workelo.WorkeloClient.Answer;
import dev.onboardingengine.workflow.testing.EngineClock;

/**
 * Replays sections 3, 4 and 9 of the Workelo API guide (shared/seeds/workelo-api-guide.md) in order,
 * every id taken from an earlier answer, with Camunda's clock set to May 2026 so the guide's dates lie
 * ahead: a draft track, its scheduled invitation sent at invite_at, its live metrics, a start-date
 * shift that moves every timer and due date, a new manager, and the stakeholder's action queue.
 */
@ApiIntegrationTest
class WorkeloTrackSeedExamplesIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        EngineClock.reset();
    }

    @Test
    void everyCallOfTheJourneyMonitoringAndStakeholderSectionsWorksAsWritten() {
        EngineClock.moveTo(Instant.parse("2026-05-01T08:00:00Z"));
        WorkeloClient workelo = new WorkeloClient(port, ApiIntegrationTest.ADMIN_TOKEN, objectMapper);
        long unitId = ((Number) workelo.get("/unit_organizations").list().get(0).get("id")).longValue();
        long hr = employee(workelo, "Hannah", "Reyes", 3, unitId);
        long manager = employee(workelo, "Max", "Keller", 2, unitId);
        long buddy = employee(workelo, "Bea", "Diallo", 1, unitId);
        long newManager = employee(workelo, "Nora", "Vance", 2, unitId);

        // --- 3. Create a journey: the prerequisites ---
        assertThat(workelo.get("/unit_organizations").status()).isEqualTo(200);
        assertThat(workelo.get("/employees?role=manager").list()).extracting(e -> ((Number) e.get("id")).longValue())
                .contains(manager, newManager);
        assertThat(workelo.get("/employees?role=hr").list()).extracting(e -> ((Number) e.get("id")).longValue())
                .contains(hr);
        Answer templates = workelo.get("/templates?mobility=onboarding&unit_organization_id=" + unitId);
        assertThat(templates.status()).as(templates.toString()).isEqualTo(200);
        // Onboarding templates, and untagged ones (a sequence without onboarding.mobility applies to any
        // mobility; other tests deploy such sequences into the shared database)
        assertThat(templates.list()).extracting(t -> t.get("mobility")).containsAnyOf("onboarding")
                .allMatch(mobility -> mobility == null || "onboarding".equals(mobility));
        long itEquipment = idWhere(templates.list(), "process_key", "sequence-it-equipment");

        // When the journey is created with the guide's body (ids from the answers above)
        Answer created = workelo.post("/tracks", """
                {
                "mobility": "onboarding",
                "start_date": "2026-06-01",
                "end_date": "2026-09-01",
                "employee": {
                "first_name": "John",
                "last_name": "Martin",
                "email": "john.martin@company.com",
                "job_position": "Developer",
                "unit_organization_id": %d
                },
                "implications": {
                "hr_id": %d,
                "manager_id": %d,
                "buddy_id": %d
                },
                "template_ids": [%d]
                }""".formatted(unitId, hr, manager, buddy, itEquipment));

        // Then it is a draft, a process instance waiting at Wait_TrackStarted, and nothing was sent
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long trackId = created.id();
        long john = ((Number) created.body().get("employee_id")).longValue();
        assertThat(created.body()).containsEntry("status", "draft").containsEntry("start_date", "2026-06-01")
                .containsEntry("end_date", "2026-09-01");
        String processInstanceId = (String) created.body().get("process_instance_id");
        assertThat(runtime.getActiveActivityIds(processInstanceId)).containsExactly("Wait_TrackStarted");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
                .getBusinessKey()).isEqualTo(Long.toString(john));
        assertThat(EngineClock.runDueJobsOfJourney(management, runtime, Long.toString(john))).isZero();

        // When it is launched with the guide's invite_at
        Answer started = workelo.put("/tracks/" + trackId + "/start", """
                {
                "invite_at": "2026-05-28"
                }""");

        // Then it is scheduled until that day, and then the invitation goes out by itself
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        assertThat(started.body()).containsEntry("status", "scheduled");
        assertThat(workelo.put("/tracks/" + trackId + "/start", "{}").status()).isEqualTo(409);
        EngineClock.moveTo(Instant.parse("2026-05-28T08:59:00Z"));
        EngineClock.runDueJobsOfJourney(management, runtime, Long.toString(john));
        assertThat(workelo.get("/tracks/" + trackId).body()).containsEntry("status", "scheduled");
        EngineClock.moveTo(Instant.parse("2026-05-28T09:00:01Z"));
        EngineClock.runDueJobsOfJourney(management, runtime, Long.toString(john));
        assertThat(workelo.get("/tracks/" + trackId).body()).containsEntry("status", "invitation_sent");

        // --- 4. Monitor and track journeys ---
        // (the test database is shared with the other test classes, so a track may be on a later page)
        Answer all = workelo.get("/tracks");
        assertThat(all.status()).isEqualTo(200);
        assertThat(idsOnEveryPage(workelo, "/tracks")).contains(trackId);
        assertThat(idsOnEveryPage(workelo, "/tracks?status=in_progress")).doesNotContain(trackId);
        assertThat(idsOnEveryPage(workelo, "/tracks?status=draft")).doesNotContain(trackId);
        assertThat(idsOnEveryPage(workelo, "/tracks?status=invitation_sent")).contains(trackId);
        for (String status : List.of("draft", "invitation_sent", "scheduled", "in_progress", "closed", "cancelled")) {
            assertThat(workelo.get("/tracks?status=" + status).status()).isEqualTo(200);
        }
        Answer details = workelo.get("/tracks/" + trackId);
        assertThat(details.status()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> metrics = (Map<String, Object>) details.body().get("metrics");
        // the IT equipment task (due 2026-05-31 09:00, three days ahead) exists and is open
        assertThat(metrics).containsEntry("total_actions_count", 1).containsEntry("completed_actions_count", 0)
                .containsEntry("overdue_actions_count", 0).containsEntry("health", "on_track")
                .containsEntry("progression", 0.0).containsEntry("action_availability_rate", 1.0);

        // within two days of its due date it is at risk, past it late
        EngineClock.moveTo(Instant.parse("2026-05-29T10:00:00Z"));
        assertThat(workelo.get("/tracks/" + trackId).body().get("metrics").toString()).contains("health=at_risk");
        EngineClock.moveTo(Instant.parse("2026-05-28T09:00:01Z"));

        // Given every pending timer and due date of the journey and its sequences
        Map<String, Date> timersBefore = timers(processInstanceId);
        Task action = tasks.createTaskQuery().processInstanceBusinessKey(Long.toString(john)).singleResult();
        assertThat(action.getAssignee()).isEqualTo(Long.toString(manager));
        assertThat(action.getDueDate().toInstant()).isEqualTo(Instant.parse("2026-05-31T09:00:00Z"));
        assertThat(timersBefore).isNotEmpty();

        // When the start date moves with apply_on_actions and a new manager
        Answer updated = workelo.put("/tracks/" + trackId, """
                {
                "start_date": "2026-06-15",
                "apply_on_actions": true,
                "implications": {
                "manager_id": %d
                }
                }""".formatted(newManager));

        // Then every timer and due date moved by the same 14 days, and the new manager has the action
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.body()).containsEntry("start_date", "2026-06-15");
        Map<String, Date> timersAfter = timers(processInstanceId);
        assertThat(timersAfter.keySet()).isEqualTo(timersBefore.keySet());
        timersBefore.forEach((job, due) -> assertThat(timersAfter.get(job).toInstant())
                .as("timer %s", job).isEqualTo(due.toInstant().plus(14, ChronoUnit.DAYS)));
        Task moved = tasks.createTaskQuery().taskId(action.getId()).singleResult();
        assertThat(moved.getDueDate().toInstant()).isEqualTo(Instant.parse("2026-06-14T09:00:00Z"));
        assertThat(moved.getAssignee()).isEqualTo(Long.toString(newManager));
        // and the new manager was told about the hire once, even when the same change comes again
        assertThat(workelo.put("/tracks/" + trackId, """
                {"implications": {"manager_id": %d}}""".formatted(newManager)).status()).isEqualTo(200);
        assertThat(jdbc.sql("""
                select count(*) from notification_sent where recipient = 'nora.vance@company.com'
                and template = 'hire-announced'""").query(Long.class).single()).isEqualTo(1);

        // --- 9. View assigned actions (stakeholders) ---
        long owner = idWhere(workelo.get("/employees?role=manager").list(), "email", "nora.vance@company.com");
        Answer actions = workelo.get("/owners/" + owner + "/actions");
        assertThat(actions.status()).as(actions.toString()).isEqualTo(200);
        assertThat(actions.list()).singleElement().satisfies(item -> {
            assertThat(item).containsEntry("id", action.getId()).containsEntry("state", "open")
                    .containsEntry("due_date", "2026-06-14T09:00:00Z");
            assertThat(((Number) item.get("track_id")).longValue()).isEqualTo(trackId);
            assertThat(((Number) item.get("employee_id")).longValue()).isEqualTo(john);
        });
        Answer page = workelo.get("/owners/" + owner + "/actions?limit=20&offset=0");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().getFirst("X-Total-Count")).isEqualTo("1");
        assertThat(workelo.get("/owners/" + manager + "/actions").list()).isEmpty();
    }

    @Test
    void startAnswersTheCommittedStatusTheTrackMovedToNeverDraft() {
        // Given two draft tracks, the engine's clock before their start day
        EngineClock.moveTo(Instant.parse("2026-05-01T08:00:00Z"));
        WorkeloClient workelo = new WorkeloClient(port, ApiIntegrationTest.ADMIN_TOKEN, objectMapper);
        long now = workelo
                .post("/tracks",
                        """
                                {"start_date": "2026-06-01", "employee_id": %d}"""
                                .formatted(employee(workelo, "Ines", "Okafor", 1, null)))
                .id();
        long later = workelo
                .post("/tracks",
                        """
                                {"start_date": "2026-06-01", "employee_id": %d}"""
                                .formatted(employee(workelo, "Jon", "Petit", 1, null)))
                .id();

        // When one is started with its invitation now, the other with a later invite_at
        Answer startedNow = workelo.put("/tracks/" + now + "/start", null);
        Answer startedLater = workelo.put("/tracks/" + later + "/start", """
                {"invite_at": "2026-05-20"}""");

        // Then each answer names the status a following GET reads: the invitation sent, or scheduled
        assertThat(startedNow.status()).as(startedNow.toString()).isEqualTo(200);
        assertThat(startedNow.body()).containsEntry("status", "invitation_sent");
        assertThat(workelo.get("/tracks/" + now).body()).containsEntry("status", "invitation_sent");
        assertThat(startedLater.status()).as(startedLater.toString()).isEqualTo(200);
        assertThat(startedLater.body()).containsEntry("status", "scheduled");
        assertThat(workelo.get("/tracks/" + later).body()).containsEntry("status", "scheduled");
    }

    @Test
    void cancellingATrackRemovesItsTimersAndActionsAndItCannotBeStartedAgain() {
        // Given a started track with its sequence's timers pending
        EngineClock.moveTo(Instant.parse("2026-05-01T08:00:00Z"));
        WorkeloClient workelo = new WorkeloClient(port, ApiIntegrationTest.ADMIN_TOKEN, objectMapper);
        long itEquipment = idWhere(workelo.get("/templates?mobility=onboarding").list(), "process_key",
                "sequence-it-equipment");
        long existing = employee(workelo, "Carl", "Nguyen", 1, null);
        Answer created = workelo.post("/tracks", """
                {"start_date": "2026-06-01", "employee_id": %d, "template_ids": [%d]}""".formatted(existing,
                itEquipment));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long trackId = created.id();
        assertThat(workelo.put("/tracks/" + trackId + "/start", null).status()).isEqualTo(200);
        EngineClock.runDueJobsOfJourney(management, runtime, Long.toString(existing));
        assertThat(workelo.get("/tracks/" + trackId).body()).containsEntry("status", "invitation_sent");
        assertThat(management.createJobQuery().processInstanceId((String) created.body().get("process_instance_id"))
                .count()).isPositive();

        // When it is cancelled
        Answer cancelled = workelo.put("/tracks/" + trackId + "/cancel", null);

        // Then it is over: no process instance, timer or task is left, and starting it again is refused
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.body()).containsEntry("status", "cancelled");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(Long.toString(existing)).count())
                .isZero();
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(Long.toString(existing)).count()).isZero();
        Answer restart = workelo.put("/tracks/" + trackId + "/start", null);
        assertThat(restart.status()).isEqualTo(409);
        assertThat(restart.body().get("detail").toString()).contains("cancelled");
        assertThat(workelo.get("/tracks?status=cancelled").list()).extracting(t -> ((Number) t.get("id")).longValue())
                .contains(trackId);
    }

    @Test
    void rejectsTracksWithUnknownIdsOrAnEndBeforeTheStart() {
        WorkeloClient workelo = new WorkeloClient(port, ApiIntegrationTest.ADMIN_TOKEN, objectMapper);
        Answer bad = workelo.post("/tracks", """
                {"mobility": "relocation", "start_date": "2026-06-01", "end_date": "2026-05-01", "employee_id": 987654,
                 "implications": {"manager_id": 987655}, "template_ids": [987656]}""");
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.body()).containsKeys("mobility", "employee_id", "end_date", "manager_id", "template_ids");
        assertThat(workelo.get("/tracks/987654").status()).isEqualTo(404);
        assertThat(workelo.put("/tracks/987654/start", null).status()).isEqualTo(404);
        assertThat(workelo.get("/tracks?status=finished").status()).isEqualTo(400);
    }

    @Test
    void theGuidesPostTracksWithEverythingWrongNamesEveryFieldInOneAnswerNestedAsTheRequestNestsThem() {
        // The guide's POST /tracks example, its new employee wrong too: no last name, a bad email and an
        // unknown unit, beside a track-level mistake
        WorkeloClient workelo = new WorkeloClient(port, ApiIntegrationTest.ADMIN_TOKEN, objectMapper);
        String email = "john.martin." + java.util.UUID.randomUUID() + ".at.company.com";
        Answer bad = workelo.post("/tracks", """
                {"mobility": "onboarding", "start_date": "2026-06-01", "end_date": "2026-05-01",
                 "employee": {"first_name": "John", "email": "%s", "job_position": "Developer",
                              "unit_organization_id": 987654321},
                 "template_ids": [987656]}""".formatted(email));

        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.body()).containsKeys("end_date", "template_ids", "employee.last_name", "employee.email",
                "employee.unit_organization_id");
        assertThat(bad.body()).doesNotContainKeys("last_name", "email", "unit_organization_id", "employee.start_date");
        assertThat(jdbc.sql("select count(*) from employee where email = :email").param("email", email)
                .query(Long.class).single()).isZero();
    }

    @Test
    void offboardingIsASecondJourneyProcessForTheSameEmployee() {
        // Given an employee
        EngineClock.moveTo(Instant.parse("2026-05-01T08:00:00Z"));
        WorkeloClient workelo = new WorkeloClient(port, ApiIntegrationTest.ADMIN_TOKEN, objectMapper);
        long leaver = employee(workelo, "Olga", "Leavitt", 1, null);

        // When an offboarding track is created and started
        Answer created = workelo.post("/tracks", """
                {"mobility": "offboarding", "start_date": "2026-06-01", "end_date": "2026-06-30", "employee_id": %d}"""
                .formatted(leaver));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(workelo.put("/tracks/" + created.id() + "/start", null).body()).containsEntry("status",
                "in_progress");

        // Then it runs as a journey-offboarding process instance of that employee
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(Long.toString(leaver))
                .processDefinitionKey("journey-offboarding").count()).isEqualTo(1);
        assertThat(created.body()).containsEntry("mobility", "offboarding");
    }

    private Map<String, Date> timers(String processInstanceId) {
        return management.createJobQuery().rootProcessInstanceId(processInstanceId).timers().list().stream()
                .collect(Collectors.toMap(Job::getId, Job::getDuedate, (a, b) -> a));
    }

    private static long employee(WorkeloClient workelo, String first, String last, int roleId, Long unitId) {
        Answer answer = workelo.post("/employees", """
                {"first_name": "%s", "last_name": "%s", "email": "%s.%s@company.com", "user_role_id": %d%s}"""
                .formatted(first, last, first.toLowerCase(), last.toLowerCase(), roleId,
                        unitId == null ? "" : ", \"unit_organization_id\": " + unitId));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.id();
    }

    private static long idWhere(List<Map<String, Object>> list, String field, String value) {
        return list.stream().filter(item -> value.equals(item.get(field))).findFirst()
                .map(item -> ((Number) item.get("id")).longValue()).orElseThrow();
    }

    /** The ids of a paged list, following its {@code Link rel="next"} header from the first page to the last. */
    private static List<Long> idsOnEveryPage(WorkeloClient workelo, String path) {
        List<Long> ids = new java.util.ArrayList<>();
        String next = path;
        while (next != null) {
            Answer page = workelo.get(next);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.list().forEach(t -> ids.add(((Number) t.get("id")).longValue()));
            next = nextPage(page.headers().getFirst("Link"));
        }
        return ids;
    }

    private static String nextPage(String link) {
        if (link == null) {
            return null;
        }
        for (String part : link.split(",")) {
            if (part.contains("rel=\"next\"")) {
                String uri = part.substring(part.indexOf('<') + 1, part.indexOf('>'));
                return java.net.URI.create(uri).getRawPath() + "?" + java.net.URI.create(uri).getRawQuery();
            }
        }
        return null;
    }
}
