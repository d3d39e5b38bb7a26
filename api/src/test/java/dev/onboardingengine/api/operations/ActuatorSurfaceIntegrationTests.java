package dev.onboardingengine.api.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import dev.onboardingengine.api.ApiIntegrationTest;
import dev.onboardingengine.api.auth.ApiTokens;
import dev.onboardingengine.api.directory.Employee;
import dev.onboardingengine.api.directory.EmployeeRole;
import dev.onboardingengine.api.hire.NewHire;
import dev.onboardingengine.api.hire.NewHireService;

/**
 * Anonymous callers get the liveness and readiness probes, status only; every other Actuator
 * endpoint takes an administrator's API token (401 without one, 403 for anyone else's).
 */
@ApiIntegrationTest
class ActuatorSurfaceIntegrationTests {

    private static final List<String> OPERATORS_ONLY = List.of("/actuator", "/actuator/health", "/actuator/info",
            "/actuator/metrics", "/actuator/metrics/jvm.memory.used", "/actuator/prometheus", "/actuator/health/db");

    @LocalServerPort
    int port;
    @Autowired
    NewHireService hires;
    @Autowired
    ApiTokens tokens;

    @Test
    void anonymousCallersGetTheProbesWithoutDetailsAndNothingElse() {
        for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            String body = get(probe, null).body();
            assertThat(get(probe, null).status()).as(probe).isEqualTo(200);
            assertThat(body).as(probe).isEqualTo("{\"status\":\"UP\"}");
        }
        for (String endpoint : OPERATORS_ONLY) {
            assertThat(get(endpoint, null).status()).as(endpoint).isEqualTo(401);
        }
    }

    @Test
    void aTokenOfSomeoneWhoIsNotAnAdministratorIsForbidden() {
        Employee hr = hires.hire(NewHire.builder().firstName("Hal").lastName("Hr")
                .email("hal." + UUID.randomUUID() + "@example.com").role(EmployeeRole.HR).build(), null);
        String token = tokens.issue(hr, null);

        for (String endpoint : OPERATORS_ONLY) {
            assertThat(get(endpoint, token).status()).as(endpoint).isEqualTo(403);
        }
    }

    @Test
    void anAdministratorsTokenOpensEveryEndpointWithHealthDetails() {
        for (String endpoint : OPERATORS_ONLY) {
            assertThat(get(endpoint, ApiIntegrationTest.ADMIN_TOKEN).status()).as(endpoint).isEqualTo(200);
        }
        assertThat(get("/actuator/health", ApiIntegrationTest.ADMIN_TOKEN).body()).contains("\"broker\"",
                "\"details\"");
    }

    private Answer get(String path, String token) {
        return RestClient.create("http://localhost:" + port).get().uri(path)
                .headers(headers -> {
                    if (token != null) {
                        headers.set("Authorization", "Token " + token);
                    }
                })
                .exchange((request, response) -> new Answer(response.getStatusCode().value(),
                        new String(response.getBody().readAllBytes())));
    }

    record Answer(int status, String body) {
    }
}
