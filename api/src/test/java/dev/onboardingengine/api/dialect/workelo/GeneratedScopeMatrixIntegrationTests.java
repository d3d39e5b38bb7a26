package dev.onboardingengine.api.dialect.workelo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.onboardingengine.api.ApiIntegrationTest;
import dev.onboardingengine.api.auth.ApiTokens;
import dev.onboardingengine.api.dialect.workelo.ScopeMatrixRoutes.Call;
import dev.onboardingengine.api.dialect.workelo.ScopeMatrixRoutes.Entry;
import dev.onboardingengine.api.dialect.workelo.ScopeMatrixRoutes.Key;
import dev.onboardingengine.api.dialect.workelo.ScopeMatrixRoutes.Person;
import dev.onboardingengine.api.dialect.workelo.ScopeMatrixRoutes.Target;
import dev.onboardingengine.api.dialect.workelo.ScopeMatrixRoutes.Who;
import dev.onboardingengine.api.dialect.workelo.WorkeloClient.Answer;
import dev.onboardingengine.api.directory.Employee;
import dev.onboardingengine.api.directory.EmployeeRole;
import dev.onboardingengine.api.directory.Employees;
import dev.onboardingengine.api.hire.NewHire;
import dev.onboardingengine.api.hire.NewHireService;
import dev.onboardingengine.api.organisation.Organisations;
import dev.onboardingengine.api.organisation.Scopes;
import dev.onboardingengine.api.organisation.UnitChange;
import dev.onboardingengine.workflow.testing.EngineClock;

/**
 * The scope matrix, generated from the application's own routes: every {@code @RequestMapping} of the
 * engine's controllers (every dialect, the portal, webhooks, migrations, logs) must have an entry in
 * {@link ScopeMatrixRoutes}, or this test fails naming it. Every caller kind (admin; hr and manager, with
 * and without scopes; colleague) calls every route for every person (in A, in A1, in B, in no unit, and
 * the hires of a paperwork track in A and in B). A caller that may not reach the person gets 403 or 404
 * (or the dialect's "unknown" 400 where the person is named in the body) and changes no row; no answer
 * ever holds the email, uuid, external id, name or id of a person the caller may not see; lists hold
 * every person of a scoped caller's reach, and their {@code X-Total-Count} counts only what they list.
 *
 * <p>The tree: root ── A ── A1, and root ── B. Scoped callers manage A (so A and A1).
 */
@ApiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedScopeMatrixIntegrationTests {

    /** What counts as a write: rows of these tables, and audit entries by the caller. */
    private static final String ROWS = """
            select (select count(*) from employee) + (select count(*) from employee_identification)
             + (select count(*) from unit_organization_management) + (select count(*) from magic_link)
             + (select count(*) from stored_file) + (select count(*) from collection_value)
             + (select count(*) from unit_organization) + (select count(*) from webhook_subscription)
             + (select count(*) from document_resource)
             + (select count(*) from audit_entry where actor_id = :actor)""";

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    NewHireService hires;
    @Autowired
    Employees employees;
    @Autowired
    ApiTokens tokens;
    @Autowired
    Organisations organisations;
    @Autowired
    Scopes scopes;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final Map<String, Person> people = new LinkedHashMap<>();
    final List<Caller> callers = new ArrayList<>();
    long unitA;
    long unitB;
    String departmentA;

    record Caller(Who who, long employeeId, WorkeloClient client) {
    }

    @BeforeAll
    void buildTheTreeThePeopleAndTheCallers() {
        long root = organisations.units(null).stream().filter(unit -> "root".equals(unit.externalId())).findFirst()
                .orElseThrow().id();
        unitA = organisations.create(new UnitChange("GA-" + run, "A", 2L, root, null), null).id();
        long unitA1 = organisations.create(new UnitChange("GA1-" + run, "A1", 3L, unitA, null), null).id();
        unitB = organisations.create(new UnitChange("GB-" + run, "B", 2L, root, null), null).id();
        WorkeloClient admin = new WorkeloClient(port, ApiIntegrationTest.ADMIN_TOKEN, objectMapper);
        person("inA", unitA, admin);
        person("inA1", unitA1, admin);
        person("inB", unitB, admin);
        person("outside", null, admin);
        paperworkHire("pwA", unitA, admin);
        paperworkHire("pwB", unitB, admin);
        EngineClock.reset();
        departmentA = (String) admin.get("/api/v1/users/" + people.get("inA").uuid()).body().get("department_id");

        Set<String> everyone = people.keySet();
        Set<String> scope = Set.of("inA", "inA1", "pwA");
        caller(new Who("admin", everyone, everyone), hires.hire(hire("admin", EmployeeRole.ADMIN, null), null));
        caller(new Who("hr scoped", scope, scope), scoped(hires.hire(hire("hr-scoped", EmployeeRole.HR, null), null)));
        caller(new Who("hr unscoped", everyone, everyone),
                hires.hire(hire("hr-unscoped", EmployeeRole.HR, null), null));
        caller(new Who("manager scoped", scope, Set.of()),
                scoped(hires.hire(hire("manager-scoped", EmployeeRole.MANAGER, unitB), null)));
        caller(new Who("manager unscoped", Set.of(), Set.of()),
                hires.hire(hire("manager-unscoped", EmployeeRole.MANAGER, unitA), null));
        caller(new Who("colleague", Set.of(), Set.of()),
                hires.hire(hire("colleague", EmployeeRole.COLLEAGUE, unitA), null));
    }

    @AfterAll
    void resetClock() {
        EngineClock.reset();
    }

    @Test
    void everyRouteHasAMatrixEntry() {
        assertThat(new TreeSet<>(routes())).as("routes without an entry in ScopeMatrixRoutes")
                .containsAll(ScopeMatrixRoutes.ROUTES.keySet());
        List<String> missing = routes().stream().filter(route -> !ScopeMatrixRoutes.ROUTES.containsKey(route)).toList();
        assertThat(missing).as("routes without an entry in ScopeMatrixRoutes").isEmpty();
    }

    @Test
    void noCallerReachesThroughAnyRouteWhatItCouldNotReachDirectly() {
        List<String> leaks = new ArrayList<>();
        int cases = 0;
        List<String> routes = routes().stream().filter(ScopeMatrixRoutes.ROUTES::containsKey).toList();
        for (String route : routes) {
            Entry entry = ScopeMatrixRoutes.ROUTES.get(route);
            for (Caller caller : callers) {
                if (entry.key() == Key.NONE || entry.key() == Key.LIST) {
                    cases += check(route, entry, caller, null, leaks) ? 1 : 0;
                    continue;
                }
                for (Person person : people.values()) {
                    cases += check(route, entry, caller, person, leaks) ? 1 : 0;
                }
            }
        }
        System.out.printf("SCOPE MATRIX routes=%d cases=%d leaks=%d%n", routes.size(), cases, leaks.size());
        assertThat(leaks).isEmpty();
    }

    /** @return whether a call was made */
    private boolean check(String route, Entry entry, Caller caller, Person person, List<String> leaks) {
        if (person != null && entry.key() == Key.PAPERWORK && person.formId() == null) {
            return false;
        }
        Call call = entry.call().apply(new Target(person, unitA, unitB, departmentA,
                UUID.randomUUID().toString().substring(0, 8)));
        boolean allowed = entry.allowed().test(caller.who(), person);
        if (call == null || (allowed && entry.refusalsOnly())) {
            return false;
        }
        long before = rows(caller);
        Answer answer = caller.client().call(call.method(), call.path(), call.body());
        String what = "%s %s (%s, %s): %s".formatted(caller.who().name(), route, person == null ? "-" : person.key(),
                call.path(), answer.status() + " " + answer.raw().substring(0, Math.min(300, answer.raw().length())));
        if (allowed && !entry.answers().contains(answer.status())) {
            leaks.add("allowed but answered otherwise: " + what);
        }
        if (!allowed) {
            if (!entry.refusals().contains(answer.status())) {
                leaks.add("not refused: " + what);
            }
            if (rows(caller) != before) {
                leaks.add("refused but wrote: " + what);
            }
        }
        for (Person other : people.values()) {
            if (!caller.who().sees().contains(other.key()) && shows(answer.raw(), other, call)) {
                leaks.add("shows " + other.key() + ": " + what);
            }
        }
        if (entry.key() == Key.LIST && allowed && caller.who().name().endsWith(" scoped")) {
            caller.who().sees().stream().filter(key -> !answer.raw().contains(people.get(key).email()))
                    .forEach(key -> leaks.add("misses " + key + ": " + what));
            // A count counts what the list shows: nobody out of reach is counted either.
            String total = answer.headers().getFirst("X-Total-Count");
            if (total != null && Long.parseLong(total) != answer.list().size()) {
                leaks.add("counts " + total + " but lists " + answer.list().size() + ": " + what);
            }
        }
        return true;
    }

    /** Whether the body holds something that identifies the person, beyond what the caller itself sent. */
    private static boolean shows(String body, Person person, Call call) {
        String sent = call.path() + " " + call.body();
        List<String> marks = new ArrayList<>(List.of(person.email(), person.uuid()));
        if (person.externalId() != null) {
            marks.add(person.externalId());
        }
        if (person.lastName() != null) {
            marks.add(person.lastName());
        }
        if (marks.stream().anyMatch(mark -> !sent.contains(mark) && body.contains(mark))) {
            return true;
        }
        return Pattern
                .compile("\"(employee_id|manager_id|buddy_id|hr_id|owner_id|validator_id)\"\\s*:\\s*\"?" + person.id()
                        + "\\b")
                .matcher(body).find() && !sent.contains(Long.toString(person.id()));
    }

    private long rows(Caller caller) {
        return jdbc.sql(ROWS).param("actor", caller.employeeId()).query(Long.class).single();
    }

    /** "GET /employees/{id}" for every method and pattern of every handler of the engine's own controllers. */
    private List<String> routes() {
        List<String> routes = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getName().startsWith("dev.onboardingengine.")) {
                return;
            }
            Set<String> methods = info.getMethodsCondition().getMethods().isEmpty()
                    ? Set.of("ANY")
                    : info.getMethodsCondition().getMethods().stream().map(Enum::name)
                            .collect(java.util.stream.Collectors.toSet());
            for (String pattern : info.getPatternValues()) {
                // Workelo's /v1 twin is one route with its root path (the same mapping, handler and checks;
                // WorkeloVersionedPathsIntegrationTests shows both answer alike): checked once, at the root.
                if (pattern.startsWith("/v1/") && info.getPatternValues().contains(pattern.substring(3))) {
                    continue;
                }
                methods.forEach(method -> routes.add(method + " " + pattern));
            }
        });
        return routes.stream().distinct().sorted().toList();
    }

    private void person(String key, Long unit, WorkeloClient admin) {
        Employee employee = hires.hire(hire(key, EmployeeRole.COLLEAGUE, unit), null);
        Answer track = admin.post("/tracks", """
                {"mobility": "onboarding", "start_date": "2026-09-01", "employee_id": %d}""".formatted(employee.id()));
        assertThat(track.status()).as(track.toString()).isEqualTo(201);
        people.put(key, new Person(key, employee.id(), employee.uuid().toString(), employee.email(),
                employee.externalId(), employee.lastName(), track.id(), null, null, null, null, null, null));
    }

    private void paperworkHire(String key, long unit, WorkeloClient admin) {
        PaperworkTrack track = PaperworkTrack.open(admin, runtime, management, unit);
        Employee hire = employees.find(track.hireId()).orElseThrow();
        long formId = admin.get("/tracks/" + track.id() + "/forms").id(0);
        List<Map<String, Object>> paperworks = WorkeloPaperworkSeedExamplesIntegrationTests.paperworks(
                admin.get("/forms/" + formId));
        long identity = WorkeloPaperworkSeedExamplesIntegrationTests.idOf(paperworks, "identity_document");
        long documentId = admin.get("/tracks/" + track.id() + "/documents").id(0);
        String pdf = java.util.Base64.getEncoder().encodeToString(WorkeloPaperworkSeedExamplesIntegrationTests.PDF);
        Answer file = admin.post("/paperwork_files", """
                {"paperwork_id": %d, "file": "%s", "file_name": "id.pdf"}""".formatted(identity, pdf));
        Answer attachment = admin.post("/attachments", """
                {"document_id": %d, "file": "%s", "file_name": "own.pdf"}""".formatted(documentId, pdf));
        assertThat(file.status()).as(file.toString()).isEqualTo(201);
        assertThat(attachment.status()).as(attachment.toString()).isEqualTo(201);
        people.put(key, new Person(key, hire.id(), hire.uuid().toString(), hire.email(), hire.externalId(), null,
                track.id(), formId, WorkeloPaperworkSeedExamplesIntegrationTests.idOf(paperworks, "legal_name"),
                identity, documentId, file.id(), String.valueOf(attachment.body().get("attachment_id"))));
    }

    private NewHire hire(String name, EmployeeRole role, Long unit) {
        return NewHire.builder().firstName("Matrix").lastName(name + "-" + run)
                .email(name + "." + run + "@example.com").role(role).externalId("GEN-" + name + "-" + run)
                .unitOrganizationId(unit).build();
    }

    private Employee scoped(Employee employee) {
        scopes.grant(employee.id(), unitA, null);
        return employee;
    }

    private void caller(Who who, Employee employee) {
        callers.add(
                new Caller(who, employee.id(), new WorkeloClient(port, tokens.issue(employee, null), objectMapper)));
    }
}
