package dev.onboardingengine.api.dialect.workelo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.onboardingengine.api.ApiIntegrationTest;
import dev.onboardingengine.api.auth.ApiTokens;
import dev.onboardingengine.api.dialect.workelo.WorkeloClient.Answer;
import dev.onboardingengine.api.directory.Employee;
import dev.onboardingengine.api.directory.EmployeeRole;
import dev.onboardingengine.api.hire.NewHire;
import dev.onboardingengine.api.hire.NewHireService;
import dev.onboardingengine.api.organisation.Organisations;
import dev.onboardingengine.api.organisation.Scopes;
import dev.onboardingengine.api.organisation.UnitChange;

/**
 * Scopes beyond reading and changing people: placing people only inside one's scopes, never widening
 * one's own rights, and the organisation-wide routes (tree, scopes, logs). Reads, lists and changes of
 * people on every route are walked by {@link GeneratedScopeMatrixIntegrationTests}, whose route list
 * comes from the application itself.
 *
 * <p>The tree: root ── A ── A1, and root ── B. Scoped callers manage A (so A and A1). People: inA,
 * inA1, inB, and outside (no unit).
 */
@ApiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScopeMatrixIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    NewHireService hires;
    @Autowired
    ApiTokens tokens;
    @Autowired
    Organisations organisations;
    @Autowired
    Scopes scopes;
    @Autowired
    JdbcClient jdbc;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    long unitA;
    long unitA1;
    long unitB;
    final Map<String, Employee> people = new LinkedHashMap<>();
    final Map<String, Caller> callers = new LinkedHashMap<>();

    /** A caller kind, its token, and what it may do to each person. */
    record Caller(String name, Employee employee, String token, Set<String> sees, Set<String> changes) {
    }

    @BeforeAll
    void buildTheTreeThePeopleAndTheCallers() {
        long root = organisations.units(null).stream().filter(unit -> "root".equals(unit.externalId())).findFirst()
                .orElseThrow().id();
        unitA = organisations.create(new UnitChange("A-" + run, "A", 2L, root, null), null).id();
        unitA1 = organisations.create(new UnitChange("A1-" + run, "A1", 3L, unitA, null), null).id();
        unitB = organisations.create(new UnitChange("B-" + run, "B", 2L, root, null), null).id();
        people.put("inA", person("in-a", EmployeeRole.NEW_HIRE, unitA));
        people.put("inA1", person("in-a1", EmployeeRole.COLLEAGUE, unitA1));
        people.put("inB", person("in-b", EmployeeRole.COLLEAGUE, unitB));
        people.put("outside", person("outside", EmployeeRole.COLLEAGUE, null));

        Set<String> everyone = people.keySet();
        Set<String> scope = Set.of("inA", "inA1");
        Employee admin = hires.hire(hire("admin", EmployeeRole.ADMIN, null), null);
        caller("admin", admin, everyone, everyone);
        caller("hr scoped", scoped(person("hr-scoped", EmployeeRole.HR, null)), scope, scope);
        caller("hr unscoped", person("hr-unscoped", EmployeeRole.HR, null), everyone, everyone);
        caller("manager scoped", scoped(person("manager-scoped", EmployeeRole.MANAGER, unitB)), scope, Set.of());
        caller("manager unscoped", person("manager-unscoped", EmployeeRole.MANAGER, unitA), Set.of(), Set.of());
        caller("colleague", person("colleague", EmployeeRole.COLLEAGUE, unitA), Set.of(), Set.of());
    }

    @Test
    void callersPlacePeopleOnlyInsideTheirScopesAndNeverWidenTheirOwnRights() {
        // Given the scoped HR
        WorkeloClient hr = client(callers.get("hr scoped"));

        // When it creates people inside and outside its scope, and tries to move someone out of it
        Answer inside = hr.post("/employees", newPerson("inside", unitA1, 1));
        Answer outside = hr.post("/employees", newPerson("outside", unitB, 1));
        Answer nowhere = hr.post("/employees", newPerson("nowhere", null, 1));
        Answer moveOut = hr.put("/employees/" + people.get("inA").id(), """
                {"unit_organization_id": %d}""".formatted(unitB));
        Answer makeAdmin = hr.put("/employees/" + people.get("inA1").id(), """
                {"user_role_id": 4}""");
        Answer chiefOnboarding = hr.post("/api/users/", """
                {"first_name":"Co","last_name":"Scoped","email":"co.%s@example.com","role":3}""".formatted(run));

        // Then only the placement inside its scope is accepted
        assertThat(inside.status()).as(inside.toString()).isEqualTo(201);
        assertThat(outside.status()).isEqualTo(403);
        assertThat(outside.body()).containsEntry("status", 403);
        assertThat((String) outside.body().get("detail")).contains("unit_organization_id");
        assertThat(nowhere.status()).isEqualTo(403);
        assertThat(moveOut.status()).isEqualTo(403);
        assertThat(makeAdmin.status()).isEqualTo(403);
        assertThat(chiefOnboarding.status()).isEqualTo(403);

        // And HR without scopes may add people, but not make HR people or administrators
        WorkeloClient unscopedHr = client(callers.get("hr unscoped"));
        assertThat(unscopedHr.post("/employees", newPerson("by-hr", unitB, 1)).status()).isEqualTo(201);
        assertThat(unscopedHr.post("/employees", newPerson("new-hr", unitB, 3)).status()).isEqualTo(403);
        assertThat(unscopedHr.post("/employees", newPerson("new-admin", unitB, 4)).status()).isEqualTo(403);
    }

    @Test
    void theTreeScopesAndLogsAreForThoseWhoseRightsSpanEveryUnit() {
        for (Caller caller : callers.values()) {
            WorkeloClient client = client(caller);
            boolean organisationWide = Set.of("admin", "hr unscoped").contains(caller.name());
            Answer unit = client.post("/unit_organizations", """
                    {"external_id": "U-%s-%s", "name": "New unit", "level_organization_id": 3, "parent_id": %d}"""
                    .formatted(run, caller.name().replace(' ', '-'), unitB));
            assertThat(unit.status()).as(caller.name() + " creates a unit: " + unit)
                    .isEqualTo(organisationWide ? 201 : 403);
            assertThat(client.get("/logs").status()).as(caller.name() + " reads the logs")
                    .isEqualTo(organisationWide ? 200 : 403);
            assertThat(client.delete("/unit_organization_managements/" + Long.MAX_VALUE).status())
                    .as(caller.name() + " revokes a scope").isEqualTo(caller.name().equals("admin") ? 404 : 403);
        }
    }

    private String newPerson(String name, Long unit, long roleId) {
        return """
                {"first_name": "New", "last_name": "%s", "email": "%s.%s@example.com", "unit_organization_id": %s,
                 "user_role_id": %d}""".formatted(name, name, run, unit, roleId);
    }

    private Employee person(String name, EmployeeRole role, Long unit) {
        return hires.hire(hire(name, role, unit), null);
    }

    private NewHire hire(String name, EmployeeRole role, Long unit) {
        return NewHire.builder().firstName("Matrix").lastName(name).email(name + "." + run + "@example.com")
                .role(role).externalId("MATRIX-" + name + "-" + run).unitOrganizationId(unit).build();
    }

    private Employee scoped(Employee employee) {
        scopes.grant(employee.id(), unitA, null);
        return employee;
    }

    private void caller(String name, Employee employee, Set<String> sees, Set<String> changes) {
        callers.put(name, new Caller(name, employee, tokens.issue(employee, null), sees, changes));
    }

    private WorkeloClient client(Caller caller) {
        return new WorkeloClient(port, caller.token(), objectMapper);
    }
}
