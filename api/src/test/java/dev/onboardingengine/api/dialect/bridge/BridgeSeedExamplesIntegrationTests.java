package dev.onboardingengine.api.dialect.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.onboardingengine.api.ApiIntegrationTest;
import dev.onboardingengine.api.audit.AuditLog;
import dev.onboardingengine.api.dialect.offly.OfflyAnswers;
import dev.onboardingengine.api.dialect.workelo.WorkeloClient;
import dev.onboardingengine.api.dialect.workelo.WorkeloClient.Answer;
import dev.onboardingengine.api.directory.DirectoryEntries;
import dev.onboardingengine.api.directory.Employees;
import dev.onboardingengine.workflow.testing.EngineClock;

/**
 * Replays the calls of shared/seeds/bridge-admin-users-api.md as written (host and token substituted,
 * :id taken from users the test adds) and checks each documented code, then what Bridge's delete and
 * hide mean to the other dialects.
 */
@ApiIntegrationTest
class BridgeSeedExamplesIntegrationTests {

    /**
     * The seed's example user and the four fields Bridge's UserResponse documents beside them
     * (https://docs.bridgeapp.com/doc/api/html/author_users.html): where they differ, the docs win.
     */
    private static final List<String> USER_KEYS = List.of("id", "uid", "first_name", "last_name", "email", "locale",
            "roles", "name", "avatar_url", "deleted_at", "hire_date", "links", "meta", "bio", "updated_at",
            "unsubscribed", "job_title");

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    Employees employees;
    @Autowired
    DirectoryEntries entries;
    @Autowired
    AuditLog audit;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;

    @Test
    void everyCallOfTheSeedAnswersItsDocumentedCode() {
        WorkeloClient bridge = new WorkeloClient(port, ApiIntegrationTest.ADMIN_TOKEN, objectMapper);
        long admin = employees.findByEmail("admin@example.com").orElseThrow().id();

        // curl -X POST ... -d '{"users":["{API::UserRequest}"]}' http://<bridge>/api/admin/users
        Answer placeholder = bridge.post("/api/admin/users", "{\"users\":[\"{API::UserRequest}\"]}");
        assertThat(placeholder.status()).isEqualTo(400);
        assertThat(placeholder.contentType()).isEqualTo("application/problem+json");
        assertThat((String) placeholder.body().get("detail")).contains("users", "UserRequest object", "placeholder");

        // The example response's user, added: 200 with meta, linked and users
        String uid = "hsolo-" + UUID.randomUUID();
        String email = "h.solo." + UUID.randomUUID() + "@millennium-falcon.com";
        Answer added = bridge.post("/api/admin/users", """
                {"users":[{"uid":"%s","first_name":"Han","last_name":"Solo","email":"%s","locale":"en",
                           "hire_date":"2016-01-31","job_title":"Captain","department":"Smuggling","hris_id":"HR-%s",
                           "custom_fields":[{"id":"badge","value":"FALCON-1"}]},
                          {"uid":"ignored","email":"not-an-address"}]}
                """.formatted(uid, email, uid));
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(added.body()).containsOnlyKeys("meta", "linked", "users");
        @SuppressWarnings("unchecked")
        Map<String, Object> han = ((List<Map<String, Object>>) added.body().get("users")).get(0);
        assertThat(han).containsOnlyKeys(USER_KEYS).containsEntry("uid", uid).containsEntry("first_name", "Han")
                .containsEntry("last_name", "Solo").containsEntry("email", email).containsEntry("locale", "en")
                .containsEntry("roles", List.of()).containsEntry("name", "Han Solo").containsEntry("avatar_url", null)
                .containsEntry("deleted_at", null).containsEntry("hire_date", "2016-01-31")
                .containsEntry("job_title", "Captain").containsEntry("bio", null).containsEntry("unsubscribed", false);
        assertThat((String) han.get("updated_at")).isNotBlank();
        long hanId = ((Number) han.get("id")).longValue();
        // the extra entry was ignored, the custom field is Workelo's identification
        assertThat(entries.findByProfile("bridge_uid", "ignored")).isEmpty();
        assertThat((List<?>) bridge.get("/employees/" + hanId).body().get("identifications")).singleElement()
                .satisfies(value -> assertThat(map(value)).containsEntry("value", "FALCON-1"));

        // 400 Bad Request if the user already exists; uid required; custom fields must exist
        assertThat(bridge.post("/api/admin/users",
                "{\"users\":[{\"uid\":\"%s\",\"first_name\":\"H\",\"last_name\":\"S\",\"email\":\"other.%s@example.com\"}]}"
                        .formatted(uid, UUID.randomUUID()))
                .status()).isEqualTo(400);
        Answer noUid = bridge.post("/api/admin/users",
                "{\"users\":[{\"full_name\":\"Leia Organa\",\"email\":\"leia.%s@example.com\"}]}"
                        .formatted(UUID.randomUUID()));
        assertThat(noUid.status()).isEqualTo(400);
        assertThat(noUid.body()).containsOnlyKeys("type", "title", "status", "detail", "instance", "uid");
        assertThat(bridge.post("/api/admin/users",
                "{\"users\":[{\"uid\":\"x-%s\",\"full_name\":\"Leia Organa\",\"email\":\"leia.%s@example.com\",\"custom_fields\":[{\"id\":\"shoe_size\",\"value\":\"38\"}]}]}"
                        .formatted(UUID.randomUUID(), UUID.randomUUID()))
                .body()).containsKey("custom_fields");

        // A second user, managed by Han named by uid
        String lukeUid = "luke-" + UUID.randomUUID();
        Answer luke = bridge.post("/api/admin/users",
                """
                        {"users":[{"uid":"%s","sortable_name":"Skywalker, Luke","email":"luke.%s@example.com","manager_id":"uid:%s"}]}
                        """
                        .formatted(lukeUid, UUID.randomUUID(), uid));
        assertThat(luke.status()).as(luke.toString()).isEqualTo(200);
        assertThat(employees.findByEmail(email).orElseThrow().id()).isEqualTo(hanId);

        // GET /api/admin/users/:id/summary
        Answer summary = bridge.get("/api/admin/users/" + hanId + "/summary?start_date=2016-01-01&end_date=2030-12-31");
        assertThat(summary.status()).isEqualTo(200);
        assertThat(map(summary.body().get("summary"))).containsOnlyKeys("completed_courses", "completed_programs",
                "completed_live_courses", "total_on_time", "total_overdue");
        assertThat(bridge.get("/api/admin/users/987654321/summary").status()).isEqualTo(404);

        // POST /api/admin/users/:id/hide: not an active user, not yourself, not no one
        assertThat(bridge.post("/api/admin/users/" + hanId + "/hide", null).status()).isEqualTo(409);
        assertThat(bridge.post("/api/admin/users/" + admin + "/hide", null).status()).isEqualTo(403);
        assertThat(bridge.post("/api/admin/users/987654321/hide", null).status()).isEqualTo(404);

        // DELETE /api/admin/users/:id: not yourself, not no one; by id and by uid:, at once or in the background
        assertThat(bridge.delete("/api/admin/users/" + admin).status()).isEqualTo(403);
        assertThat(bridge.delete("/api/admin/users/987654321").status()).isEqualTo(404);
        assertThat(bridge.delete("/api/admin/users/uid:nobody-" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(bridge.delete("/api/admin/users/" + hanId).status()).isEqualTo(204);
        assertThat(entries.find(hanId).orElseThrow().archived()).isTrue();
        assertThat(bridge.delete("/api/admin/users/uid:" + lukeUid + "?async=true").status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> entries.findByProfile("bridge_uid", lukeUid).orElseThrow().archived());

        // Then the deleted user can be hidden, and is gone from every list of every dialect
        assertThat(bridge.post("/api/admin/users/uid:" + uid + "/hide", null).status()).isEqualTo(204);
        assertThat(OfflyAnswers.everyUser(bridge, "status=archived"))
                .noneSatisfy(user -> assertThat(user).containsEntry("email", email));
        assertThat(OfflyAnswers.everyUser(bridge, ""))
                .noneSatisfy(user -> assertThat(user).containsEntry("email", email));
        assertThat(bridge.get("/employees").list()).noneSatisfy(user -> assertThat(user).containsEntry("email", email));
        assertThat(bridge.get("/api/employees/").list())
                .noneSatisfy(user -> assertThat(user).containsEntry("email", email));
        assertThat(bridge.get("/api/admin/users/" + hanId + "/summary").status()).isEqualTo(404);
        // but its audit history stays
        assertThat(audit.search(null, null, null, 1000, 0))
                .filteredOn(entry -> entry.subjectId().equals(Long.toString(hanId)))
                .extracting(entry -> entry.event()).contains("user_creation", "user_deletion", "user_hiding");
    }

    @Test
    void theSummaryCountsTheJourneysActionsInThePeriod() {
        // Given a hire whose Welcome sequence's only action (a meeting: the buddy introduces them) was due
        // before they were created, done through the API, which closes the journey
        WorkeloClient bridge = new WorkeloClient(port, ApiIntegrationTest.ADMIN_TOKEN, objectMapper);
        long buddy = bridge.post("/employees",
                "{\"first_name\":\"Chew\",\"last_name\":\"Bacca\",\"email\":\"chewie.%s@example.com\"}"
                        .formatted(UUID.randomUUID()))
                .id();
        Object welcome = bridge.get("/api/sequences/").list().stream().filter(s -> "Welcome".equals(s.get("name")))
                .findFirst().orElseThrow().get("id");
        long hire = bridge.post("/api/users/", """
                {"first_name":"Rey","last_name":"Skywalker","email":"rey.%s@example.com","start_day":"2020-12-04",
                 "buddy":%d,"sequences":[%s],"role":0}""".formatted(UUID.randomUUID(), buddy, welcome)).id();
        await().atMost(Duration.ofSeconds(60)).until(() -> bridge.get("/api/journeys/" + hire).body().get("journeys"),
                journeys -> !((List<?>) journeys).isEmpty());
        EngineClock.runDueJobsOfJourney(management, runtime, Long.toString(hire));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> actions = (List<Map<String, Object>>) bridge.get("/api/journeys/" + hire).body()
                .get("actions");
        assertThat(bridge.post("/api/actions/" + actions.get(0).get("id") + "/complete", null).status())
                .isLessThan(300);

        // When the summary is asked for a period that holds it all, and for one that holds nothing
        Answer all = bridge.get("/api/admin/users/" + hire + "/summary?start_date=2020-01-01&end_date="
                + LocalDate.now().plusDays(1));
        Answer later = bridge.get("/api/admin/users/" + hire + "/summary?start_date=" + LocalDate.now().plusDays(2));

        // Then the sequence is a completed course, the closed journey a program, the introduction a live
        // course; it was done after its due date, so it is overdue and not on time
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        assertThat(map(all.body().get("summary"))).containsEntry("completed_courses", 1)
                .containsEntry("completed_programs", 1).containsEntry("completed_live_courses", 1)
                .containsEntry("total_on_time", 0).containsEntry("total_overdue", 1);
        assertThat(map(later.body().get("summary"))).containsEntry("completed_courses", 0)
                .containsEntry("completed_programs", 0).containsEntry("completed_live_courses", 0)
                .containsEntry("total_on_time", 0).containsEntry("total_overdue", 0);
        assertThat(bridge.get("/api/admin/users/" + hire + "/summary?start_date=yesterday").status()).isEqualTo(400);
    }

    @Test
    void aDeletedUsersCancelledActionsCountAsNothingDone() {
        // Given a hire with an open, overdue action of the Welcome sequence
        WorkeloClient bridge = new WorkeloClient(port, ApiIntegrationTest.ADMIN_TOKEN, objectMapper);
        long buddy = bridge
                .post("/employees", "{\"first_name\":\"Lando\",\"last_name\":\"C\",\"email\":\"lando.%s@example.com\"}"
                        .formatted(UUID.randomUUID()))
                .id();
        Object welcome = bridge.get("/api/sequences/").list().stream().filter(s -> "Welcome".equals(s.get("name")))
                .findFirst().orElseThrow().get("id");
        long hire = bridge.post("/api/users/", """
                {"first_name":"Finn","last_name":"FN-2187","email":"finn.%s@example.com","start_day":"2020-12-04",
                 "buddy":%d,"sequences":[%s],"role":0}""".formatted(UUID.randomUUID(), buddy, welcome)).id();
        await().atMost(Duration.ofSeconds(60)).until(() -> bridge.get("/api/journeys/" + hire).body().get("journeys"),
                journeys -> !((List<?>) journeys).isEmpty());
        EngineClock.runDueJobsOfJourney(management, runtime, Long.toString(hire));
        assertThat(map(bridge.get("/api/admin/users/" + hire + "/summary").body().get("summary")))
                .containsEntry("total_overdue", 1);

        // When the user is deleted, which cancels the journey
        assertThat(bridge.delete("/api/admin/users/" + hire).status()).isEqualTo(204);

        // Then the cancelled action is neither done nor overdue
        assertThat(map(bridge.get("/api/admin/users/" + hire + "/summary").body().get("summary")))
                .containsEntry("completed_courses", 0).containsEntry("completed_live_courses", 0)
                .containsEntry("total_on_time", 0).containsEntry("total_overdue", 0);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(Long.toString(hire)).count())
                .isZero();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
