package dev.onboardingengine.api.dialect.workelo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.onboardingengine.api.ApiIntegrationTest;
import dev.onboardingengine.api.dialect.workelo.WorkeloClient.Answer;

/** Bad requests to the Workelo dialect get a 4xx problem naming each bad field, write nothing, and never a 500. */
@ApiIntegrationTest
class WorkeloBadInputIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    JdbcClient jdbc;

    final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void unknownIdsBadChoicesAndMissingFieldsAreEachNamed() {
        WorkeloClient workelo = admin();
        long before = count("employee");

        Answer missing = workelo.post("/employees", "{}");
        Answer unknown = workelo.post("/employees", """
                {"first_name": "A", "last_name": "Unknown", "email": "a.%s@example.com", "unit_organization_id": 987654,
                 "user_role_id": 99, "manager_id": 987655, "time_zone": "Mars/Olympus", "language": "english!"}"""
                .formatted(run));

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.contentType()).isEqualTo("application/problem+json");
        assertThat(missing.body()).containsKeys("first_name", "last_name", "email").containsEntry("status", 400);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).containsEntry("unit_organization_id", List.of("no such id: 987654."))
                .containsEntry("user_role_id", List.of("no such id: 99."))
                .containsEntry("manager_id", List.of("no such id: 987655."))
                .containsKeys("time_zone", "language");
        assertThat((String) unknown.body().get("detail")).contains("unit_organization_id", "user_role_id");
        assertThat(count("employee")).isEqualTo(before);
    }

    @Test
    void duplicateEmailsAndExternalIdsAreRefusedOnCreateAndOnUpdate() {
        WorkeloClient workelo = admin();
        Answer first = workelo.post("/employees", person("first", "EXT-" + run));
        Answer other = workelo.post("/employees", person("other", "EXT-OTHER-" + run));
        assertThat(first.status()).isEqualTo(201);
        assertThat(other.status()).isEqualTo(201);

        Answer sameExternalId = workelo.post("/employees", person("second", "EXT-" + run));
        Answer sameEmail = workelo.post("/employees", person("FIRST", "EXT-2-" + run));
        Answer updateToTaken = workelo.put("/employees/" + other.id(), """
                {"external_id": "EXT-%s", "email": "first.%s@example.com"}""".formatted(run, run));
        Answer updateKeepingOwn = workelo.put("/employees/" + other.id(), """
                {"external_id": "EXT-OTHER-%s", "email": "other.%s@example.com"}""".formatted(run, run));

        assertThat(sameExternalId.status()).isEqualTo(400);
        assertThat(sameExternalId.body()).containsKey("external_id").doesNotContainKey("email");
        assertThat(sameEmail.status()).isEqualTo(400);
        assertThat(sameEmail.body()).containsKey("email").doesNotContainKey("external_id");
        assertThat(updateToTaken.status()).isEqualTo(400);
        assertThat(updateToTaken.body()).containsKeys("external_id", "email");
        assertThat(updateKeepingOwn.status()).isEqualTo(200);
    }

    @Test
    void badDatesAndWrongTypesAreNamed() {
        WorkeloClient workelo = admin();

        Answer badStartDate = workelo.post("/employees", """
                {"first_name": "A", "last_name": "Date", "email": "date.%s@example.com", "start_date": "2026-02-30"}"""
                .formatted(run));
        Answer textForId = workelo.post("/employees",
                """
                        {"first_name": "A", "last_name": "Type", "email": "type.%s@example.com", "unit_organization_id": "five"}"""
                        .formatted(run));
        Answer badLogRange = workelo.get("/logs?from=2026-13-01&to=yesterday");
        Answer reversedRange = workelo.get("/logs?from=2026-05-26&to=2026-01-01");
        Answer badPaging = workelo.get("/employees?limit=0&offset=-1");
        Answer malformed = workelo.post("/employees", "{\"first_name\": ");

        assertThat(badStartDate.status()).isEqualTo(400);
        assertThat(badStartDate.body()).containsKey("start_date");
        assertThat(textForId.status()).isEqualTo(400);
        assertThat(textForId.body()).containsKey("unit_organization_id");
        assertThat(badLogRange.status()).isEqualTo(400);
        assertThat(badLogRange.body()).containsKeys("from", "to");
        assertThat(reversedRange.status()).isEqualTo(400);
        assertThat(reversedRange.body()).containsKey("to");
        assertThat(badPaging.status()).isEqualTo(400);
        assertThat(badPaging.body()).containsKeys("limit", "offset");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat((String) malformed.body().get("detail")).startsWith("JSON parse error");
    }

    @Test
    void aUnitCannotBecomeItsOwnAncestorAndItsParentMustExist() {
        WorkeloClient workelo = admin();
        Answer top = workelo.post("/unit_organizations", unit("TOP", null));
        Answer middle = workelo.post("/unit_organizations", unit("MID", top.id()));
        Answer bottom = workelo.post("/unit_organizations", unit("BOT", middle.id()));

        Answer underItsGrandchild = workelo.put("/unit_organizations/" + top.id(), """
                {"parent_id": %d}""".formatted(bottom.id()));
        Answer underItself = workelo.put("/unit_organizations/" + top.id(), """
                {"parent_id": %d}""".formatted(top.id()));
        Answer unknownParent = workelo.post("/unit_organizations", unit("ORPHAN", 987654L));
        Answer duplicate = workelo.post("/unit_organizations", unit("TOP", null));
        Answer missing = workelo.post("/unit_organizations", "{}");
        Answer allowedMove = workelo.put("/unit_organizations/" + bottom.id(), """
                {"parent_id": %d}""".formatted(top.id()));

        assertThat(underItsGrandchild.status()).isEqualTo(400);
        assertThat(underItsGrandchild.body()).containsKey("parent_id");
        assertThat(underItself.status()).isEqualTo(400);
        assertThat(unknownParent.status()).isEqualTo(400);
        assertThat(unknownParent.body()).containsEntry("parent_id", List.of("no such id: 987654."));
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.body()).containsKey("external_id");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).containsKeys("name", "level_organization_id");
        assertThat(allowedMove.status()).isEqualTo(200);
        assertThat(workelo.get("/unit_organizations/" + top.id()).body()).containsEntry("parent_id", null);
    }

    @Test
    void unknownThingsAreNotFoundAndTokensAreRequired() {
        WorkeloClient workelo = admin();

        assertThat(workelo.get("/employees/987654").status()).isEqualTo(404);
        assertThat(workelo.put("/employees/987654", "{}").status()).isEqualTo(404);
        assertThat(workelo.post("/employees/987654/identifications", """
                {"identification_resource_id": 1, "value": "X"}""").status()).isEqualTo(404);
        assertThat(workelo.get("/logs/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(workelo.get("/logs/not-a-uuid").status()).isEqualTo(404);
        assertThat(workelo.get("/employees?role=astronaut").body()).containsKey("role");
        long someone = workelo.post("/employees", person("identified", "EXT-ID-" + run)).id();
        assertThat(workelo.post("/employees/" + someone + "/identifications", """
                {"identification_resource_id": 987654, "value": ""}""").body())
                .containsKeys("identification_resource_id", "value");

        Answer anonymous = new WorkeloClient(port, null, objectMapper).get("/employees");
        Answer wrongToken = new WorkeloClient(port, "0".repeat(40), objectMapper).get("/user_roles");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(wrongToken.status()).isEqualTo(401);
    }

    @Test
    void theOpenApiDescriptionAndSwaggerUiNeedNoToken() {
        WorkeloClient anonymous = new WorkeloClient(port, null, objectMapper);

        Answer docs = anonymous.get("/v3/api-docs");
        Answer ui = anonymous.get("/swagger-ui/index.html");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.raw()).contains("\"/employees\"", "\"/unit_organizations\"", "\"/logs/{uuid}\"",
                "\"/api/users/\"");
        assertThat(docs.raw()).doesNotContain("\"name\":\"caller\"");
        assertThat(ui.status()).isEqualTo(200);
    }

    private String person(String name, String externalId) {
        return """
                {"first_name": "Dup", "last_name": "%s", "email": "%s.%s@example.com", "external_id": "%s"}"""
                .formatted(name, name, run, externalId);
    }

    private String unit(String name, Long parent) {
        return """
                {"external_id": "%s-%s", "name": "%s", "level_organization_id": 2, "parent_id": %s, "language": "fr"}"""
                .formatted(name, run, name, parent);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private WorkeloClient admin() {
        return new WorkeloClient(port, ApiIntegrationTest.ADMIN_TOKEN, objectMapper);
    }
}
