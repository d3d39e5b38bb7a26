package dev.onboardingengine.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.onboardingengine.api.ApiIntegrationTest;
import dev.onboardingengine.api.RawHttp;
import dev.onboardingengine.api.RawHttp.Answer;

/**
 * {@code /v3/api-docs} describes each dialect's own shapes: ChiefOnboarding's serializers and Django REST
 * framework's error bodies, Offly's {data, pagination} list and {error} envelope, Bridge's and Workelo's
 * bodies with the RFC 7807 problem they answer; and no two dialects' records share one schema name (a
 * shared name made springdoc describe one dialect's record with the other's fields).
 */
@ApiIntegrationTest
class DialectSchemasIntegrationTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Test
    void eachDialectsRequestResponseAndErrorBodiesAreNamedSchemas() throws Exception {
        Answer docs = new RawHttp(port).send("GET", "/v3/api-docs", null, null, "application/json", null);
        assertThat(docs.status()).isEqualTo(200);
        JsonNode api = JSON.readTree(docs.body());
        JsonNode users = api.at("/paths/~1api~1users~1/post");
        System.out.println("OPENAPI POST /api/users/ " + users);

        // ChiefOnboarding: its serializers, and DRF's bodies for every refusal
        assertThat(users.at("/requestBody/content").fieldNames().next()).isEqualTo("application/json");
        for (String type : new String[]{"application~1json", "application~1x-www-form-urlencoded",
                "multipart~1form-data"}) {
            assertThat(users.at("/requestBody/content/" + type + "/schema/$ref").asText()).as(type)
                    .isEqualTo("#/components/schemas/ChiefOnboardingUserCreate");
        }
        assertThat(users.at("/responses/201/content").toString())
                .contains("#/components/schemas/ChiefOnboardingUser\"");
        assertThat(users.at("/responses/400/content/application~1json/schema/oneOf").toString())
                .contains("DrfFieldErrors", "DrfNonFieldErrors", "DrfDetail");
        for (String status : new String[]{"401", "403", "404", "405", "415"}) {
            assertThat(users.at("/responses/" + status + "/content/application~1json/schema/$ref").asText())
                    .as(status).isEqualTo("#/components/schemas/DrfDetail");
        }
        assertThat(api.at("/paths/~1api~1employees~1/get/responses/200/content").toString())
                .contains("#/components/schemas/ChiefOnboardingEmployee");
        assertThat(api.at("/paths/~1api~1employees~1/get/responses/401/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/DrfDetail");
        assertThat(api.at("/components/schemas/ChiefOnboardingEmployee/properties").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("id", "first_name", "last_name", "email");
        assertThat(api.at("/components/schemas/ChiefOnboardingUser/properties").fieldNames()).toIterable()
                .contains("id", "first_name", "start_day", "buddy", "sequences", "role");
        assertThat(api.at("/components/schemas/DrfNonFieldErrors/properties").fieldNames()).toIterable()
                .containsExactly("non_field_errors");
        assertThat(api.at("/components/schemas/DrfDetail/properties").fieldNames()).toIterable()
                .containsExactly("detail");

        // Offly: its envelope and error body, as its controller describes them
        assertThat(api.at("/paths/~1api~1v1~1users/get/responses/200/content").toString())
                .contains("#/components/schemas/OfflyUserList");
        assertThat(api.at("/paths/~1api~1v1~1users/post/responses/422/content").toString())
                .contains("#/components/schemas/OfflyError").doesNotContain("FieldProblem");

        // Bridge: its users request, response and the problem it answers
        JsonNode bridge = api.at("/paths/~1api~1admin~1users/post");
        assertThat(bridge.at("/requestBody/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/BridgeUsersCreate");
        assertThat(api.at("/components/schemas/BridgeUsersCreate/properties/users/items/$ref").asText())
                .isEqualTo("#/components/schemas/BridgeUserCreate");
        assertThat(bridge.at("/responses/200/content").toString()).contains("#/components/schemas/BridgeUsers");
        assertThat(bridge.at("/responses/400/content/application~1problem+json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/FieldProblem");
        assertThat(bridge.at("/responses/429").isMissingNode()).isFalse();
        assertThat(api.at("/components/schemas/BridgeUser/properties").fieldNames()).toIterable().contains("uid");

        // Workelo: the problem it answers, at the root and under /v1; its track's employee under its own name
        for (String path : new String[]{"/paths/~1employees/post", "/paths/~1v1~1employees/post"}) {
            assertThat(api.at(path + "/responses/400/content/application~1problem+json/schema/$ref").asText())
                    .as(path).isEqualTo("#/components/schemas/FieldProblem");
            assertThat(api.at(path + "/responses/429").isMissingNode()).as(path).isFalse();
        }
        assertThat(api.at("/components/schemas/WorkeloTrackEmployee/properties").fieldNames()).toIterable()
                .contains("unit_organization_id");
        assertThat(api.at("/components/schemas/FieldProblem/properties").fieldNames()).toIterable()
                .contains("type", "title", "status", "detail");

        // No record is described under a name two dialects share
        assertThat(api.at("/components/schemas").has("UserResponse")).isFalse();
        assertThat(api.at("/components/schemas").has("EmployeeSummary")).isFalse();
        assertThat(api.at("/components/schemas").has("UserRequest")).isFalse();
    }
}
