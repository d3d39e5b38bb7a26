package dev.onboardingengine.api.dialect.chiefonboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import dev.onboardingengine.api.ApiIntegrationTest;
import dev.onboardingengine.api.directory.EmployeeRole;
import dev.onboardingengine.api.hire.NewHire;
import dev.onboardingengine.api.hire.NewHireService;
import dev.onboardingengine.workflow.testing.EngineClock;

/**
 * The calls of shared/seeds/chiefonboarding-api.md in their order, as written, with the host, the
 * token and the ids taken from the previous answers (the seed itself says where they come from).
 */
@ApiIntegrationTest
class ChiefOnboardingSeedExamplesIntegrationTests {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };

    @LocalServerPort
    int port;
    @Autowired
    NewHireService hires;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;

    @Test
    void theSeedsNewHireWalkthroughWorksAsWritten() {
        // A buddy to find in the list
        String buddyEmail = "buddy." + UUID.randomUUID() + "@example.com";
        hires.hire(NewHire.builder().firstName("Bea").lastName("Buddy").email(buddyEmail).role(EmployeeRole.OTHER)
                .build(), null);

        // 1. curl -H "Authorization: Token xxx" https://YOURDOMAIN/api/employees/
        List<Map<String, Object>> employees = api().get().uri("/api/employees/").retrieve().body(LIST);
        Map<String, Object> buddy = employees.stream().filter(e -> buddyEmail.equals(e.get("email"))).findFirst()
                .orElseThrow();
        assertThat(buddy).containsOnlyKeys("id", "first_name", "last_name", "email");

        // 2. curl -H "Authorization: Token xxx" https://YOURDOMAIN/api/sequences/
        List<Map<String, Object>> sequences = api().get().uri("/api/sequences/").retrieve().body(LIST);
        assertThat(sequences).extracting(s -> s.get("name")).contains("IT equipment", "Welcome", "First week check-in");
        assertThat(sequences.get(0)).containsOnlyKeys("id", "name");
        Object welcome = sequences.stream().filter(s -> "Welcome".equals(s.get("name"))).findFirst().orElseThrow()
                .get("id");

        // 3. the POST of the seed, field for field, with the buddy and sequence ids found above
        String email = "james." + UUID.randomUUID() + "@chiefonboarding.com";
        Map<String, Object> created = api().post().uri("/api/users/")
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                .body("""
                        {"first_name":"James","last_name":"Weller","email":"%s","phone":"","position":"Technical lead","language":"en","message":"","start_day":"2020-12-04","buddy":%s,"timezone":"UTC","sequences":[%s], "role":0}
                        """
                        .formatted(email, buddy.get("id"), welcome))
                .retrieve().body(OBJECT);

        // "It will return the full new hire object including the ID of the new hire."
        assertThat(created).containsKeys("id").containsEntry("first_name", "James").containsEntry("last_name", "Weller")
                .containsEntry("email", email).containsEntry("position", "Technical lead")
                .containsEntry("language", "en")
                .containsEntry("start_day", "2020-12-04").containsEntry("buddy", buddy.get("id"))
                .containsEntry("timezone", "UTC").containsEntry("sequences", List.of(welcome)).containsEntry("role", 0);

        // And the hire's journey runs the Welcome sequence: its start day is long past, so the
        // buddy's introduction is due at once (late, never skipped)
        Object employeeId = created.get("id");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> api().get().uri("/api/journeys/{id}", employeeId).retrieve().body(OBJECT),
                        body -> !((List<?>) body.get("journeys")).isEmpty());
        EngineClock.runDueJobsOfJourney(management, runtime, employeeId.toString());
        Map<String, Object> journeys = api().get().uri("/api/journeys/{id}", employeeId).retrieve().body(OBJECT);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> actions = (List<Map<String, Object>>) journeys.get("actions");
        assertThat(actions).singleElement().satisfies(action -> {
            assertThat(action).containsEntry("sequence", "sequence-welcome").containsEntry("state", "open")
                    .containsEntry("assignee_id", buddy.get("id").toString());
            assertThat(action.get("name")).isEqualTo("Introduce the new hire to the team");
        });

        // And the buddy's action, done through the API, closes the journey
        api().post().uri("/api/actions/{id}/complete", actions.get(0).get("id")).retrieve().toBodilessEntity();
        Map<String, Object> after = api().get().uri("/api/journeys/{id}", employeeId).retrieve().body(OBJECT);
        assertThat(((List<Map<String, Object>>) after.get("journeys")).get(0)).containsEntry("status", "closed");
    }

    private RestClient api() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Token " + ApiIntegrationTest.ADMIN_TOKEN).build();
    }
}
