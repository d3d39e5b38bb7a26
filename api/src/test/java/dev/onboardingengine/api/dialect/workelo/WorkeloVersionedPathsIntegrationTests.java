package dev.onboardingengine.api.dialect.workelo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.onboardingengine.api.ApiIntegrationTest;
import dev.onboardingengine.api.dialect.workelo.WorkeloClient.Answer;

/**
 * Workelo's API reference (its ReadMe: "Base URL https://api.workelo.com/v1/") writes every route under
 * /v1/, its guide from the root: a client written against either works.
 */
@ApiIntegrationTest
class WorkeloVersionedPathsIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper objectMapper;

    @Test
    void everyWorkeloRouteAnswersUnderV1AsAtTheRoot() {
        WorkeloClient workelo = new WorkeloClient(port, ApiIntegrationTest.ADMIN_TOKEN, objectMapper);

        for (String path : new String[]{"/employees?role=manager", "/unit_organizations", "/level_organizations",
                "/tracks", "/templates", "/identification_resources", "/logs"}) {
            Answer root = workelo.get(path);
            Answer versioned = workelo.get("/v1" + path);
            assertThat(versioned.status()).as("/v1%s", path).isEqualTo(200).isEqualTo(root.status());
            assertThat(versioned.json()).as("/v1%s", path).isEqualTo(root.json());
        }
        String externalId = "v1-" + java.util.UUID.randomUUID();
        Object level = workelo.get("/v1/level_organizations").list().get(0).get("id");
        Answer created = workelo.post("/v1/unit_organizations",
                "{\"external_id\":\"%s\",\"name\":\"Versioned\",\"level_organization_id\":%s}".formatted(externalId,
                        level));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(workelo.get("/unit_organizations/" + created.body().get("id")).body()).containsEntry("external_id",
                externalId);
    }

    @Test
    void theV1PathsNeedATokenAndHoldOnlyWorkelosRoutes() {
        assertThat(new WorkeloClient(port, null, objectMapper).get("/v1/employees").status()).isEqualTo(401);
        WorkeloClient workelo = new WorkeloClient(port, ApiIntegrationTest.ADMIN_TOKEN, objectMapper);
        // ChiefOnboarding's and Offly's routes are not Workelo's: no /v1 twin
        assertThat(workelo.get("/v1/api/employees/").status()).isEqualTo(404);
        assertThat(workelo.get("/v1/api/v1/users").status()).isEqualTo(404);
    }

    @Test
    void theOpenApiDescriptionListsTheV1Paths() {
        @SuppressWarnings("unchecked")
        Map<String, Object> paths = (Map<String, Object>) new WorkeloClient(port, null, objectMapper)
                .get("/v3/api-docs")
                .body().get("paths");
        assertThat(paths).containsKeys("/employees", "/v1/employees", "/tracks/{id}/start", "/v1/tracks/{id}/start")
                .doesNotContainKey("/v1/api/users/");
    }
}
