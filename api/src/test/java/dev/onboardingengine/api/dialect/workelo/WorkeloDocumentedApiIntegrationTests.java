package dev.onboardingengine.api.dialect.workelo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.onboardingengine.api.ApiIntegrationTest;
import dev.onboardingengine.api.auth.OAuthClients;
import dev.onboardingengine.api.dialect.workelo.WorkeloClient.Answer;
import dev.onboardingengine.api.directory.EmployeeRole;
import dev.onboardingengine.api.hire.NewHire;
import dev.onboardingengine.api.hire.NewHireService;
import dev.onboardingengine.workflow.testing.EngineClock;

/**
 * Workelo's contract as its public documentation writes it, called as a client written against that
 * documentation would: Workelo API reference (its ReadMe), "Authentication" (OAuth 2.0, client
 * credentials, bearer tokens) and "Rate limits" (1,000 requests per hour per token) and its base URL
 * {@code https://.../v1/}, as issue 19 quotes them; and Workelo's API guide
 * (shared/seeds/workelo-api-guide.md), "3. Create a journey" (POST /tracks, PUT /tracks/{id}/start and
 * its statuses) and "5. Manage administrative tasks" (paperwork files, option lists). Every call goes
 * through {@code /v1/} with a token from {@code /v1/oauth/token}. Shares the rate-limited context of
 * {@link WorkeloOAuthIntegrationTests}; each test has a token of its own.
 */
@ApiIntegrationTest
@TestPropertySource(properties = {"onboarding.api.rate-limits.enabled=true",
        "onboarding.api.rate-limits.workelo-requests=" + WorkeloOAuthIntegrationTests.HOURLY_REQUESTS,
        "onboarding.api.rate-limits.workelo-window=1h"})
class WorkeloDocumentedApiIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    OAuthClients clients;
    @Autowired
    NewHireService hires;
    @Autowired
    JdbcClient jdbc;

    WorkeloClient workelo;

    @BeforeEach
    void tokenFromTheTokenEndpoint() {
        // Authentication: a client id and secret, exchanged for a bearer token at the token endpoint
        OAuthClients.Registered client = clients.register(
                hires.hire(NewHire.builder().firstName("Ada").lastName("Integrator")
                        .email("ada." + UUID.randomUUID() + "@example.com").role(EmployeeRole.ADMIN).build(), null),
                "contract test", null);
        WorkeloOAuthIntegrationTests.TokenAnswer token = WorkeloOAuthIntegrationTests.tokenRequest(port, objectMapper,
                "/v1/oauth/token", null, WorkeloOAuthIntegrationTests.form("grant_type", "client_credentials",
                        "client_id", client.clientId(), "client_secret", client.clientSecret()));
        assertThat(token.status()).as(token.toString()).isEqualTo(200);
        assertThat(token.body()).containsEntry("token_type", "Bearer");
        workelo = new WorkeloClient(port, (String) token.body().get("access_token"), objectMapper);
    }

    @AfterEach
    void resetClock() {
        EngineClock.reset();
    }

    @Test
    void theReferencesRoutesAnswerUnderV1WithAnIssuedBearerToken() {
        for (String route : List.of("/v1/employees", "/v1/user_roles", "/v1/unit_organizations",
                "/v1/level_organizations", "/v1/templates", "/v1/tracks")) {
            Answer answer = workelo.get(route);
            assertThat(answer.status()).as(route + ": " + answer).isEqualTo(200);
        }
        assertThat(new WorkeloClient(port, null, objectMapper).get("/v1/employees").status()).isEqualTo(401);
    }

    @Test
    void theGuidesPostTracksExampleWithEveryFieldWrongIsAnsweredOnceWithNestedPaths() {
        Answer bad = workelo.post("/v1/tracks", """
                {"mobility": "onboarding", "start_date": "2026-06-01", "end_date": "2026-05-01",
                 "employee": {"first_name": "John", "email": "john.martin.at.company.com", "job_position": "Developer",
                              "unit_organization_id": 987654321},
                 "implications": {"hr_id": 987654101, "manager_id": 987654202, "buddy_id": 987654303},
                 "template_ids": [987999056]}""");

        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.body()).containsKeys("end_date", "template_ids", "manager_id", "employee.last_name",
                "employee.email", "employee.unit_organization_id");
        assertThat(bad.body()).doesNotContainKeys("unit_organization_id", "last_name", "email");
    }

    @Test
    void startingATrackAnswersTheStatusItMovedToAsListedInTheGuide() {
        EngineClock.moveTo(Instant.parse("2026-05-01T08:00:00Z"));
        long employee = workelo.post("/v1/employees", """
                {"first_name": "John", "last_name": "Martin", "email": "john.%s@company.com", "user_role_id": 1}"""
                .formatted(UUID.randomUUID())).id();
        long track = workelo.post("/v1/tracks", """
                {"mobility": "onboarding", "start_date": "2026-06-01", "employee_id": %d}""".formatted(employee)).id();

        Answer started = workelo.put("/v1/tracks/" + track + "/start", "{}");

        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        assertThat(started.body().get("status")).isIn("scheduled", "invitation_sent");
        assertThat(workelo.get("/v1/tracks/" + track).body().get("status")).isEqualTo(started.body().get("status"));
    }

    @Test
    void aPaperworkFileWithoutItsFieldsNamesThemAllAtOnce() {
        Answer neither = workelo.post("/v1/paperwork_files", "{}");

        assertThat(neither.status()).as(neither.toString()).isEqualTo(400);
        assertThat(neither.body()).containsKeys("paperwork_id", "file");
    }

    @Test
    void anOptionInsertedAtATakenPositionMovesTheOthersDown() {
        long contractTypes = workelo.get("/v1/paperwork_resources?type=selection&limit=200").list().stream()
                .filter(r -> "contract_type".equals(r.get("key"))).findFirst()
                .map(r -> ((Number) r.get("id")).longValue()).orElseThrow();
        String list = "/v1/collection_values?resource_type=PaperworkResource&resource_id=" + contractTypes;
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        assertThat(workelo.post(list, """
                {"value": "First %s", "external_id": "first_%s", "position": 1}""".formatted(suffix, suffix))
                .status()).isEqualTo(201);

        Answer inserted = workelo.post(list, """
                {"value": "Inserted %s", "external_id": "inserted_%s", "position": 1}""".formatted(suffix, suffix));

        assertThat(inserted.status()).as(inserted.toString()).isEqualTo(201);
        List<Map<String, Object>> options = workelo.get(list + "&limit=200").list();
        assertThat(options).extracting(o -> o.get("position")).doesNotHaveDuplicates();
        assertThat(options.get(0)).containsEntry("value", "Inserted " + suffix).containsEntry("position", 1);
        assertThat(options.get(1)).containsEntry("value", "First " + suffix).containsEntry("position", 2);
    }
}
