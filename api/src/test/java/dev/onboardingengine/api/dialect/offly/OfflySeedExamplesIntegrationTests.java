package dev.onboardingengine.api.dialect.offly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.onboardingengine.api.ApiIntegrationTest;
import dev.onboardingengine.api.auth.ApiTokens;
import dev.onboardingengine.api.dialect.workelo.WorkeloClient;
import dev.onboardingengine.api.dialect.workelo.WorkeloClient.Answer;
import dev.onboardingengine.api.directory.Employees;
import dev.onboardingengine.workflow.journey.JourneyQueries;
import dev.onboardingengine.workflow.journey.JourneyStatus;
import dev.onboardingengine.workflow.journey.JourneyView;

/**
 * Replays every curl example of shared/seeds/offly-users-api.md as written (host and key substituted,
 * {id} taken from a user the test creates), then checks that the same person is one person to every
 * dialect: Workelo and ChiefOnboarding read what Offly wrote, and Offly's archive reaches them all.
 */
@ApiIntegrationTest
class OfflySeedExamplesIntegrationTests {

    private static final List<String> USER_KEYS = List.of("id", "email", "first_name", "last_name", "role", "status",
            "department_id", "manager_id", "job_title", "start_date", "working_days", "public_holiday_country_code",
            "avatar_url", "is_active", "created_at", "updated_at");

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    ApiTokens tokens;
    @Autowired
    Employees employees;
    @Autowired
    JourneyQueries journeys;

    @Test
    void everyCurlExampleOfTheSeedAnswersItsDocumentedCode() {
        WorkeloClient offly = new WorkeloClient(port, ApiIntegrationTest.ADMIN_TOKEN, objectMapper);

        // curl https://api.offly.net/api/v1/users -H "Authorization: Bearer YOUR_API_KEY"
        // (the seed shows no body; Offly's Pagination page documents the {"data", "pagination"} envelope)
        Answer all = offly.get("/api/v1/users");
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        assertThat(all.body()).containsOnlyKeys("data", "pagination");
        assertThat(OfflyAnswers.data(all)).isNotEmpty()
                .allSatisfy(user -> assertThat(user).containsOnlyKeys(USER_KEYS));

        // curl -X POST .../api/v1/users -H "Content-Type: application/json" -d '{}'
        // (the seed shows no error; Offly's Errors page documents 422 validation_error in its error body)
        Answer empty = offly.post("/api/v1/users", "{}");
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.contentType()).isEqualTo("application/json");
        assertThat(error(empty)).containsEntry("code", "validation_error");
        assertThat(fields(empty)).containsKeys("email", "first_name", "last_name");
        assertThat((String) error(empty).get("message")).contains("email", "first_name", "last_name");

        // Given a user to address as {id}
        UUID id = create(offly, "ada." + UUID.randomUUID() + "@example.com", LocalDate.now().plusDays(30));

        // curl https://api.offly.net/api/v1/users/{id}
        Answer one = offly.get("/api/v1/users/" + id);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.body()).containsOnlyKeys(USER_KEYS).containsEntry("id", id.toString())
                .containsEntry("status", "pending").containsEntry("is_active", true);

        // curl -X PATCH .../api/v1/users/{id} -d '{}'  : nothing changes, the user comes back
        Answer patched = offly.call(HttpMethod.PATCH, "/api/v1/users/" + id, "{}");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.body()).isEqualTo(one.body());

        // curl -X DELETE .../api/v1/users/{id}
        Answer deleted = offly.delete("/api/v1/users/" + id);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(offly.get("/api/v1/users/" + id).body()).containsEntry("status", "archived")
                .containsEntry("is_active", false);

        // And ids that are not UUIDs, or no one's
        assertThat(offly.get("/api/v1/users/42").status()).isEqualTo(400);
        assertThat(error(offly.get("/api/v1/users/42"))).containsEntry("code", "bad_request")
                .containsEntry("details",
                        Map.of("field", "id", "fields", Map.of("id", List.of("is not a valid UUID."))));
        assertThat(offly.get("/api/v1/users/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(offly.delete("/api/v1/users/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(offly.call(HttpMethod.PATCH, "/api/v1/users/" + UUID.randomUUID(), "{}").status()).isEqualTo(404);
    }

    @Test
    void aUserCreatedThroughOfflyIsTheSamePersonToWorkeloAndChiefOnboarding() {
        // Given a manager and a user created through Offly with every documented field
        WorkeloClient offly = new WorkeloClient(port, ApiIntegrationTest.ADMIN_TOKEN, objectMapper);
        UUID manager = create(offly, "grace." + UUID.randomUUID() + "@example.com", null);
        String email = "alan." + UUID.randomUUID() + "@example.com";
        Answer created = offly.post("/api/v1/users", """
                {"email":"%s","first_name":"Alan","last_name":"Turing","role":"employee","manager_id":"%s",
                 "job_title":"Cryptanalyst","start_date":"%s","working_days":["mon","wed","fri"]}
                """.formatted(email, manager, LocalDate.now().plusDays(10)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body()).containsEntry("manager_id", manager.toString()).containsEntry("role", "employee")
                .containsEntry("working_days", List.of("mon", "wed", "fri")).containsEntry("status", "pending");

        // When Workelo and ChiefOnboarding read the directory
        long employeeId = employees.findByEmail(email).orElseThrow().id();
        Answer workelo = offly.get("/employees/" + employeeId);
        List<Map<String, Object>> chief = offly.get("/api/employees/").list();

        // Then they see the same person with the same data
        assertThat(workelo.body()).containsEntry("email", email).containsEntry("first_name", "Alan")
                .containsEntry("last_name", "Turing").containsEntry("job_position", "Cryptanalyst")
                .containsEntry("start_date", LocalDate.now().plusDays(10).toString())
                .containsEntry("user_role", "new_hire");
        assertThat(chief).anySatisfy(user -> assertThat(user).containsEntry("email", email)
                .containsEntry("first_name", "Alan").containsEntry("last_name", "Turing"));

        // And the hire's journey runs
        await().atMost(Duration.ofSeconds(60)).until(() -> journeyStatuses(offly, employeeId),
                statuses -> !statuses.isEmpty() && !statuses.contains(null));

        // When a PATCH changes the job title and the start date
        Answer patched = offly.call(HttpMethod.PATCH, "/api/v1/users/" + created.body().get("id"),
                "{\"job_title\":\"Head of Hut 8\",\"start_date\":\"%s\"}".formatted(LocalDate.now().minusDays(1)));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.body()).containsEntry("job_title", "Head of Hut 8").containsEntry("status", "active");
        assertThat(offly.get("/employees/" + employeeId).body()).containsEntry("job_position", "Head of Hut 8");

        // When the user's own token is issued and the user is archived
        String token = tokens.issue(employees.find(employeeId).orElseThrow(), null);
        assertThat(new WorkeloClient(port, token, objectMapper).get("/api/journeys/" + employeeId).status())
                .isEqualTo(200);
        assertThat(offly.delete("/api/v1/users/" + created.body().get("id")).status()).isEqualTo(204);

        // Then the token stops working, the journey is cancelled, Workelo and ChiefOnboarding no longer list them
        assertThat(new WorkeloClient(port, token, objectMapper).get("/api/journeys/" + employeeId).status())
                .isEqualTo(401);
        // (the journeys API answers only for current people: the read model tells)
        assertThat(journeys.journeysOf(employeeId)).extracting(JourneyView::status)
                .containsExactly(JourneyStatus.CANCELLED);
        assertThat(offly.get("/employees/" + employeeId).status()).isEqualTo(404);
        assertThat(offly.get("/api/employees/").list())
                .noneSatisfy(user -> assertThat(user).containsEntry("email", email));
        // but Offly lists them as archived, and only there
        assertThat(OfflyAnswers.everyUser(offly, "status=archived"))
                .anySatisfy(user -> assertThat(user).containsEntry("email", email));
        assertThat(OfflyAnswers.everyUser(offly, "status=active"))
                .noneSatisfy(user -> assertThat(user).containsEntry("email", email));
        assertThat(OfflyAnswers.everyUser(offly, "status=pending"))
                .noneSatisfy(user -> assertThat(user).containsEntry("email", email))
                .allSatisfy(user -> assertThat(user).containsEntry("status", "pending"));
        assertThat(offly.get("/api/v1/users?status=gone").status()).isEqualTo(400);
    }

    private UUID create(WorkeloClient offly, String email, LocalDate startDate) {
        Answer created = offly.post("/api/v1/users", """
                {"email":"%s","first_name":"Ada","last_name":"Lovelace"%s}
                """.formatted(email, startDate == null ? "" : ",\"start_date\":\"" + startDate + "\""));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body()).containsOnlyKeys(USER_KEYS);
        return UUID.fromString((String) created.body().get("id"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> error(Answer answer) {
        return (Map<String, Object>) answer.body().get("error");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> fields(Answer answer) {
        return (Map<String, Object>) ((Map<String, Object>) error(answer).get("details")).get("fields");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> journeyStatuses(WorkeloClient client, long employeeId) {
        List<Map<String, Object>> journeys = (List<Map<String, Object>>) client.get("/api/journeys/" + employeeId)
                .body().get("journeys");
        return journeys == null ? List.of() : journeys.stream().map(journey -> journey.get("status")).toList();
    }
}
