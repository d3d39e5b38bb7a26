package dev.onboardingengine.api.dialect.workelo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.onboardingengine.api.ApiIntegrationTest;
import dev.onboardingengine.api.dialect.workelo.WorkeloClient.Answer;

/**
 * Replays sections 1, 2 and 8 of the Workelo API guide (shared/seeds/workelo-api-guide.md) call by
 * call, in the guide's order, against the running engine: every id comes from an earlier answer,
 * as a client following the guide would take it.
 */
@ApiIntegrationTest
class WorkeloSeedExamplesIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper objectMapper;

    @Test
    void everyCallOfTheDirectoryOrganisationAndAuditSectionsWorksAsWritten() {
        WorkeloClient workelo = new WorkeloClient(port, ApiIntegrationTest.ADMIN_TOKEN, objectMapper);

        // --- 1. Manage your employee directory ---
        // Given the ids a client looks up first
        Answer roles = workelo.get("/user_roles");
        assertThat(roles.status()).isEqualTo(200);
        assertThat(roles.list()).extracting(role -> role.get("name"))
                .contains("colleague", "manager", "hr", "admin");
        long managerRoleId = idWhere(roles.list(), "name", "manager");

        Answer units = workelo.get("/unit_organizations");
        assertThat(units.status()).isEqualTo(200);
        assertThat(units.list()).isNotEmpty();
        long unitId = ((Number) units.list().get(0).get("id")).longValue();

        Answer resources = workelo.get("/identification_resources");
        assertThat(resources.status()).isEqualTo(200);
        assertThat(resources.list()).extracting(resource -> resource.get("code")).contains("badge", "employee_number");
        long badgeId = idWhere(resources.list(), "code", "badge");

        // When the employee is created with the guide's body (ids taken from the answers above)
        Answer created = workelo.post("/employees", """
                {
                "first_name": "Marie",
                "last_name": "Dubois",
                "email": "marie.dubois@company.com",
                "job_position": "Manager",
                "external_id": "EMP-001",
                "unit_organization_id": %d,
                "user_role_id": %d
                }""".formatted(unitId, managerRoleId));

        // Then she is in the directory with every field as given
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long marie = created.id();
        assertThat(created.body()).containsEntry("first_name", "Marie").containsEntry("last_name", "Dubois")
                .containsEntry("email", "marie.dubois@company.com").containsEntry("job_position", "Manager")
                .containsEntry("external_id", "EMP-001").containsEntry("user_role", "manager");
        assertThat(((Number) created.body().get("unit_organization_id")).longValue()).isEqualTo(unitId);
        assertThat(((Number) created.body().get("user_role_id")).longValue()).isEqualTo(managerRoleId);

        // When a custom identification field is added
        Answer badge = workelo.post("/employees/" + marie + "/identifications", """
                {
                "identification_resource_id": %d,
                "value": "BADGE-001"
                }""".formatted(badgeId));
        assertThat(badge.status()).as(badge.toString()).isEqualTo(201);
        assertThat(badge.body()).containsEntry("value", "BADGE-001");

        // Then viewing the employee shows it
        Answer viewed = workelo.get("/employees/" + marie);
        assertThat(viewed.status()).isEqualTo(200);
        assertThat(viewed.body()).containsEntry("email", "marie.dubois@company.com");
        assertThat((List<?>) viewed.body().get("identifications")).singleElement()
                .satisfies(value -> assertThat(map(value)).containsEntry("value", "BADGE-001"));

        // When she is updated
        Answer updated = workelo.put("/employees/" + marie, """
                {"job_position": "Head of Engineering", "start_date": "2026-06-01", "time_zone": "Europe/Paris"}""");
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.body()).containsEntry("job_position", "Head of Engineering")
                .containsEntry("start_date", "2026-06-01").containsEntry("time_zone", "Europe/Paris")
                .containsEntry("first_name", "Marie").containsEntry("external_id", "EMP-001");

        // Then lists by role and by external id find her
        Answer managers = workelo.get("/employees?role=manager");
        assertThat(managers.status()).isEqualTo(200);
        assertThat(managers.list()).extracting(employee -> employee.get("email")).contains("marie.dubois@company.com");
        assertThat(managers.list()).extracting(employee -> employee.get("user_role")).containsOnly("manager");
        assertThat(managers.headers().getFirst("X-Total-Count")).isNotNull();

        Answer byExternalId = workelo.get("/employees?external_id=EMP-001");
        assertThat(byExternalId.status()).isEqualTo(200);
        assertThat(byExternalId.list()).singleElement()
                .satisfies(employee -> assertThat(((Number) employee.get("id")).longValue()).isEqualTo(marie));

        // --- 2. Manage your organisational structure ---
        Answer levels = workelo.get("/level_organizations");
        assertThat(levels.status()).isEqualTo(200);
        assertThat(levels.list()).extracting(level -> level.get("name")).contains("Division", "Department", "Site");
        long departmentLevel = idWhere(levels.list(), "name", "Department");

        Answer departments = workelo.get("/unit_organizations?level_organization_id=" + departmentLevel);
        assertThat(departments.status()).isEqualTo(200);
        assertThat(departments.list())
                .allSatisfy(unit -> assertThat(((Number) unit.get("level_organization_id")).longValue())
                        .isEqualTo(departmentLevel));

        Answer itDepartment = workelo.post("/unit_organizations", """
                {
                "external_id": "IT-001",
                "name": "IT Department",
                "level_organization_id": %d,
                "parent_id": %d,
                "language": "en"
                }""".formatted(departmentLevel, unitId));
        assertThat(itDepartment.status()).as(itDepartment.toString()).isEqualTo(201);
        long it = itDepartment.id();
        assertThat(itDepartment.body()).containsEntry("external_id", "IT-001").containsEntry("name", "IT Department")
                .containsEntry("language", "en");
        assertThat(workelo.get("/unit_organizations?level_organization_id=" + departmentLevel).list())
                .extracting(unit -> unit.get("external_id")).contains("IT-001");

        // Access scopes of an employee
        Answer noScopes = workelo.get("/employees/" + marie + "/unit_organization_managements");
        assertThat(noScopes.status()).isEqualTo(200);
        assertThat(noScopes.list()).isEmpty();

        Answer granted = workelo.post("/employees/" + marie + "/unit_organization_managements", """
                { "unit_organization_id": %d }""".formatted(it));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(201);
        long management = granted.id();
        assertThat(workelo.get("/employees/" + marie + "/unit_organization_managements").list())
                .extracting(scope -> ((Number) scope.get("unit_organization_id")).longValue()).containsExactly(it);

        Answer revoked = workelo.delete("/unit_organization_managements/" + management);
        assertThat(revoked.status()).isEqualTo(204);
        assertThat(workelo.get("/employees/" + marie + "/unit_organization_managements").list()).isEmpty();

        // --- 8. Analyse and audit activity ---
        Answer logs = workelo.get("/logs");
        assertThat(logs.status()).isEqualTo(200);
        assertThat(logs.list()).extracting(entry -> entry.get("event")).contains("user_creation", "user_update",
                "identification_creation", "unit_organization_creation", "unit_organization_management_creation",
                "unit_organization_management_deletion");

        Answer seedRange = workelo.get("/logs?event=user_creation&from=2026-01-01&to=2026-05-26");
        assertThat(seedRange.status()).isEqualTo(200);
        assertThat(seedRange.list()).allSatisfy(entry -> {
            assertThat(entry).containsEntry("event", "user_creation");
            assertThat((String) entry.get("occurred_at")).isBetween("2026-01-01", "2026-05-27");
        });

        String today = LocalDate.now(java.time.ZoneOffset.UTC).toString();
        Answer creations = workelo.get("/logs?event=user_creation&from=2026-01-01&to=" + today);
        Map<String, Object> marieCreated = creations.list().stream()
                .filter(entry -> String.valueOf(marie).equals(entry.get("subject_id"))).findFirst().orElseThrow();
        String uuid = (String) marieCreated.get("uuid");

        Answer entry = workelo.get("/logs/" + uuid);
        assertThat(entry.status()).isEqualTo(200);
        assertThat(entry.body()).containsEntry("event", "user_creation").containsEntry("subject_type", "employee")
                .containsEntry("before", null);
        assertThat(map(entry.body().get("after"))).containsEntry("email", "marie.dubois@company.com")
                .containsEntry("external_id", "EMP-001");

        Answer update = workelo.get("/logs?event=user_update").list().stream()
                .filter(found -> String.valueOf(marie).equals(found.get("subject_id"))).findFirst()
                .map(found -> workelo.get("/logs/" + found.get("uuid"))).orElseThrow();
        assertThat(map(update.body().get("before"))).containsEntry("position", "Manager")
                .doesNotContainKey("email");
        assertThat(map(update.body().get("after"))).containsEntry("position", "Head of Engineering");

        // And the trail cannot be changed through the API
        assertThat(workelo.delete("/logs/" + uuid).status()).isEqualTo(405);
        assertThat(workelo.put("/logs/" + uuid, "{}").status()).isEqualTo(405);
        assertThat(workelo.get("/logs/" + uuid).status()).isEqualTo(200);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static long idWhere(List<Map<String, Object>> list, String field, String value) {
        return list.stream().filter(item -> value.equals(item.get(field))).findFirst()
                .map(item -> ((Number) item.get("id")).longValue()).orElseThrow();
    }
}
