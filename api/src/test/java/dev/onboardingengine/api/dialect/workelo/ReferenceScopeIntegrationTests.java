package dev.onboardingengine.api.dialect.workelo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
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
 * People named in references (Workelo's and ChiefOnboarding's {@code buddy_id} and {@code manager_id},
 * a track's {@code implications}, Offly's and Bridge's {@code manager_id}) must be within the caller's
 * reach: HR scoped to A naming someone of B gets exactly the answer it gets for an id nobody has, before
 * anything is written; the same request naming someone of A goes through.
 */
@ApiIntegrationTest
class ReferenceScopeIntegrationTests {

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

    @Test
    void scopedHrNamesOnlyPeopleOfItsScopeAndHearsOfOthersAsOfNobody() {
        // Given units A and B, people in each, and HR scoped to A
        long root = organisations.units(null).stream().filter(unit -> "root".equals(unit.externalId())).findFirst()
                .orElseThrow().id();
        long unitA = organisations.create(new UnitChange("RA-" + run, "Refs A", 2L, root, null), null).id();
        long unitB = organisations.create(new UnitChange("RB-" + run, "Refs B", 2L, root, null), null).id();
        Employee inA = person("in-a", EmployeeRole.COLLEAGUE, unitA);
        Employee colleagueA = person("colleague-a", EmployeeRole.MANAGER, unitA);
        Employee inB = person("in-b", EmployeeRole.MANAGER, unitB);
        Employee hr = person("hr", EmployeeRole.HR, null);
        scopes.grant(hr.id(), unitA, null);
        WorkeloClient scoped = new WorkeloClient(port, tokens.issue(hr, null), objectMapper);
        WorkeloClient admin = new WorkeloClient(port, ApiIntegrationTest.ADMIN_TOKEN, objectMapper);
        long track = admin.post("/tracks", """
                {"mobility": "onboarding", "start_date": "2026-09-01", "employee_id": %d}""".formatted(inA.id())).id();
        String departmentA = (String) admin.get("/api/v1/users/" + inA.uuid()).body().get("department_id");
        long nobody = Long.MAX_VALUE - 7;
        UUID nobodyUuid = UUID.randomUUID();

        // When HR of A names someone of B, someone nobody is, and someone of A, in every reference
        List<Reference> references = List.of(
                new Reference("Workelo create buddy_id", HttpMethod.POST, "/employees",
                        "{\"first_name\": \"N\", \"last_name\": \"N\", \"email\": \"n.%s.%%s@example.com\", \"unit_organization_id\": %d, \"buddy_id\": %%s}"
                                .formatted(run, unitA)),
                new Reference("Workelo update manager_id", HttpMethod.PUT, "/employees/" + inA.id(),
                        "{\"manager_id\": %2$s, \"job_position\": \"ref-%1$s\"}"),
                new Reference("track create implications", HttpMethod.POST, "/tracks",
                        "{\"mobility\": \"offboarding-%1$s\", \"start_date\": \"2026-09-01\", \"employee_id\": "
                                + inA.id()
                                + ", \"implications\": {\"buddy_id\": %2$s}}"),
                new Reference("track update implications", HttpMethod.PUT, "/tracks/" + track,
                        "{\"implications\": {\"manager_id\": %2$s}}"),
                new Reference("Offly update manager_id", HttpMethod.PATCH, "/api/v1/users/" + inA.uuid(),
                        "{\"manager_id\": %2$s}"),
                new Reference("Offly create manager_id", HttpMethod.POST, "/api/v1/users",
                        "{\"first_name\": \"O\", \"last_name\": \"O\", \"email\": \"o.%s.%%s@example.com\", \"department_id\": \"%s\", \"manager_id\": %%s}"
                                .formatted(run, departmentA)));
        List<String> wrong = new ArrayList<>();
        for (Reference reference : references) {
            boolean offly = reference.name().startsWith("Offly");
            String outside = offly ? "\"" + inB.uuid() + "\"" : Long.toString(inB.id());
            String absent = offly ? "\"" + nobodyUuid + "\"" : Long.toString(nobody);
            String inside = offly ? "\"" + colleagueA.uuid() + "\"" : Long.toString(colleagueA.id());
            long rowsBefore = rows();
            Answer hidden = scoped.call(reference.method(), reference.path(), reference.body("b", outside));
            Answer unknown = scoped.call(reference.method(), reference.path(), reference.body("x", absent));
            long rowsAfter = rows();
            Answer accepted = scoped.call(reference.method(), reference.path(), reference.body("a", inside));
            // Then the person of B is answered as nobody is, nothing changes, and the person of A is accepted
            if (hidden.status() != unknown.status() || hidden.status() / 100 != 4
                    || !shape(hidden).equals(shape(unknown)) || hidden.raw().contains(inB.email())) {
                wrong.add(reference.name() + ": outside " + hidden + " / nobody " + unknown);
            }
            if (rowsAfter != rowsBefore) {
                wrong.add(reference.name() + ": rows changed " + rowsBefore + " -> " + rowsAfter);
            }
            if (!reference.name().startsWith("track create") && accepted.status() / 100 != 2) {
                wrong.add(reference.name() + ": inside refused " + accepted);
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(jdbc.sql("select manager_id from employee where id = :id").param("id", inA.id())
                .query(Long.class).optional().orElse(null)).isNotEqualTo(inB.id());
        // And an administrator may name anyone
        assertThat(admin.put("/employees/" + inA.id(), "{\"manager_id\": %d}".formatted(inB.id())).status())
                .isEqualTo(200);
    }

    /** A body template: %1$s a unique word, %2$s the person's id (JSON). */
    private record Reference(String name, HttpMethod method, String path, String template) {

        String body(String word, String person) {
            return template.formatted(word, person);
        }
    }

    /** The answer without the rejected value: status and the fields it names. */
    private static Object shape(Answer answer) {
        Object json = answer.json();
        if (json instanceof Map<?, ?> map) {
            return answer.status() + " " + new java.util.TreeSet<>(map.keySet().stream().map(String::valueOf).toList());
        }
        return answer.status() + " " + answer.raw().replaceAll("\\d{6,}|[0-9a-f-]{36}", "#");
    }

    private long rows() {
        return jdbc.sql("""
                select (select count(*) from employee) + (select count(*) from journey)
                 + (select count(*) from audit_entry)""").query(Long.class).single();
    }

    private Employee person(String name, EmployeeRole role, Long unit) {
        return hires.hire(NewHire.builder().firstName("Ref").lastName(name).email(name + "." + run + "@example.com")
                .role(role).externalId("REF-" + name + "-" + run).unitOrganizationId(unit).build(), null);
    }
}
