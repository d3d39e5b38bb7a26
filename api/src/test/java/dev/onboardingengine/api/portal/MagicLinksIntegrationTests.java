package dev.onboardingengine.api.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.onboardingengine.api.ApiIntegrationTest;
import dev.onboardingengine.api.auth.ApiTokens;
import dev.onboardingengine.api.dialect.workelo.WorkeloClient;
import dev.onboardingengine.api.dialect.workelo.WorkeloClient.Answer;
import dev.onboardingengine.api.directory.Employee;
import dev.onboardingengine.api.directory.EmployeeRole;
import dev.onboardingengine.api.hire.NewHire;
import dev.onboardingengine.api.hire.NewHireService;
import dev.onboardingengine.api.organisation.Organisations;
import dev.onboardingengine.api.organisation.Scopes;
import dev.onboardingengine.api.organisation.UnitChange;
import dev.onboardingengine.workflow.testing.EngineClock;

/**
 * Workelo's magic links (guide section 7) over HTTP: the three lookups, two hours by the engine's clock,
 * tokens stored hashed, one answer for every link that opens nothing, no link without an active journey,
 * organisation scopes, the audit trail, and the page's own rules (headers, completing only one's own
 * actions).
 */
@ApiIntegrationTest
class MagicLinksIntegrationTests {

    private static final Instant NOW = Instant.parse("2026-05-01T08:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    RepositoryService repository;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    NewHireService hires;
    @Autowired
    ApiTokens tokens;
    @Autowired
    Organisations organisations;
    @Autowired
    Scopes scopes;

    PortalJourneys journeys;
    WorkeloClient admin;

    @BeforeEach
    void setUp() {
        EngineClock.moveTo(NOW);
        journeys = new PortalJourneys(port, objectMapper, repository, management, runtime);
        admin = journeys.admin();
    }

    @AfterEach
    void resetClock() {
        EngineClock.reset();
    }

    @Test
    void issuesATwoHourLinkByIdEmailOrExternalIdThatOpensTheEmployeesPage() {
        // Given a hire whose journey is started
        PortalJourneys.Journey journey = journeys.started("John", null);

        // When a link is asked for by each of the three routes
        List<Answer> answers = List.of(admin.get("/user_magic_links/" + journey.hire()),
                admin.get("/user_magic_links_by_email/" + journey.hireEmail()),
                admin.get("/user_magic_links_by_external_id/" + journey.hireExternalId()));

        // Then each is a new link to the hire's page, valid two hours by the engine's clock
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            assertThat(((Number) answer.body().get("employee_id")).longValue()).isEqualTo(journey.hire());
            assertThat((String) answer.body().get("magic_link"))
                    .matches("http://localhost:" + port + "/portal/[A-Za-z0-9_-]{43}");
            assertThat(answer.body()).containsEntry("expires_at", "2026-05-01T10:00:00Z");
        });
        assertThat(answers.stream().map(answer -> answer.body().get("magic_link")).distinct()).hasSize(3);
        HttpResponse<String> page = PortalHttp.get((String) answers.get(2).body().get("magic_link"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Hello, <span>John</span>", "Read the welcome handbook", "Add a photo to your profile")
                .doesNotContain("Plan a first-day lunch");
    }

    @Test
    void aLinkStopsWorkingTwoHoursAfterItWasIssuedAndThenAnswersLikeAWrongOne() {
        // Given a link issued now
        PortalJourneys.Journey journey = journeys.started("Ada", null);
        String link = journeys.linkOf(journey.hire());

        // When the engine's clock nears and then reaches the two hours
        EngineClock.moveTo(NOW.plus(Duration.ofHours(2)).minusSeconds(1));
        HttpResponse<String> justBefore = PortalHttp.get(link);
        EngineClock.moveTo(NOW.plus(Duration.ofHours(2)));
        HttpResponse<String> expired = PortalHttp.get(link);

        // Then it opened the page until then, and afterwards answers exactly as a made-up token does
        assertThat(justBefore.statusCode()).isEqualTo(200);
        HttpResponse<String> madeUp = PortalHttp.get(portal(randomToken()));
        assertThat(expired.statusCode()).isEqualTo(404);
        assertThat(expired.body()).isEqualTo(madeUp.body()).contains("This link is not valid any more.");
        // and a new link works while the old one stays dead, its row gone
        String renewed = journeys.linkOf(journey.hire());
        assertThat(PortalHttp.get(renewed).statusCode()).isEqualTo(200);
        assertThat(PortalHttp.get(link).statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from magic_link where employee_id = :e").param("e", journey.hire())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void storesOnlyAHashOfTheTokenAndNeverAuditsIt() {
        // Given a link
        PortalJourneys.Journey journey = journeys.started("Grace", null);
        String link = journeys.linkOf(journey.hire());
        String token = link.substring(link.lastIndexOf('/') + 1);

        // Then its row holds the SHA-256 of the token and nothing of the token itself
        List<Map<String, Object>> rows = jdbc.sql("select * from magic_link where employee_id = :e")
                .param("e", journey.hire()).query().listOfRows();
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("token_hash")).isEqualTo(MagicLinks.sha256(token));
            assertThat(row.values()).noneMatch(value -> value != null && value.toString().contains(token));
        });
        // and the audit trail names the issuance, the actor and the employee, without the token
        List<Map<String, Object>> entries = jdbc.sql("""
                select * from audit_entry where event = 'magic_link_creation' and subject_id = :e""")
                .param("e", Long.toString(journey.hire())).query().listOfRows();
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(((Number) entry.get("actor_id")).longValue()).isEqualTo(adminId());
            assertThat(entry.get("subject_type")).isEqualTo("employee");
            assertThat(entry.values()).noneMatch(value -> value != null && value.toString().contains(token));
        });
        assertThat(admin.get("/logs?event=magic_link_creation").raw()).contains(journey.hireEmail())
                .doesNotContain(token);
    }

    @Test
    void everyLinkThatOpensNothingGetsTheSameAnswer() {
        // Given a working link, an expired one, one whose journey was cancelled, and made-up ones
        PortalJourneys.Journey journey = journeys.started("Linus", null);
        PortalJourneys.Journey cancelled = journeys.started("Ken", null);
        String working = journeys.linkOf(journey.hire());
        String ofCancelled = journeys.linkOf(cancelled.hire());
        assertThat(PortalHttp.get(ofCancelled).statusCode()).isEqualTo(200);
        assertThat(admin.put("/tracks/" + cancelled.trackId() + "/cancel", null).status()).isEqualTo(200);
        String token = working.substring(working.lastIndexOf('/') + 1);
        char last = token.charAt(token.length() - 1);
        String oneCharacterOff = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

        // When each is opened
        List<HttpResponse<String>> refused = List.of(PortalHttp.get(portal(randomToken())),
                PortalHttp.get(portal("not-a-token")), PortalHttp.get(portal(oneCharacterOff)),
                PortalHttp.get(ofCancelled), PortalHttp.get(portal(randomToken()) + "/actions/1/complete"),
                PortalHttp.post(portal(randomToken()) + "/actions/1/complete"),
                PortalHttp.get("http://localhost:" + port + "/portal/"));

        // Then all answer 404 with one body, byte for byte, while the working link still works
        assertThat(refused).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        });
        assertThat(refused.stream().map(HttpResponse::body).distinct()).singleElement().asString()
                .contains("This link is not valid any more.", "Ask HR for a new one.");
        EngineClock.moveTo(NOW.plus(Duration.ofHours(3)));
        assertThat(PortalHttp.get(working).body()).isEqualTo(refused.get(0).body());
    }

    @Test
    void refusesALinkForSomeoneWithoutAnActiveJourney() {
        // Given a hire whose track is still a draft, and a colleague who has no journey at all
        PortalJourneys.Journey draft = journeys.draft("Dora", null);
        long colleague = journeys.employee("Cole", "Nojourney", 1);

        // When links are asked for them
        Answer forDraft = admin.get("/user_magic_links/" + draft.hire());
        Answer forColleague = admin.get("/user_magic_links/" + colleague);

        // Then both are refused with a 409 naming the employee, and nothing is stored
        for (Answer answer : List.of(forDraft, forColleague)) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(409);
            assertThat(answer.contentType()).isEqualTo("application/problem+json");
            assertThat(answer.body()).containsEntry("title", "No active journey");
        }
        assertThat(((Number) forDraft.body().get("employee_id")).longValue()).isEqualTo(draft.hire());
        assertThat(forDraft.body().get("detail").toString()).contains("Employee " + draft.hire());
        assertThat(jdbc.sql("select count(*) from magic_link where employee_id in (:ids)")
                .param("ids", List.of(draft.hire(), colleague)).query(Long.class).single()).isZero();
    }

    @Test
    void unknownPeopleAreNotFoundAndTheRoutesNeedAToken() {
        assertThat(admin.get("/user_magic_links/987654321").status()).isEqualTo(404);
        assertThat(admin.get("/user_magic_links_by_email/nobody-" + UUID.randomUUID() + "@example.com").status())
                .isEqualTo(404);
        assertThat(admin.get("/user_magic_links_by_external_id/NOPE-" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(admin.get("/user_magic_links/not-a-number").status()).isEqualTo(400);
        WorkeloClient anonymous = new WorkeloClient(port, null, objectMapper);
        assertThat(anonymous.get("/user_magic_links/1").status()).isEqualTo(401);
        assertThat(anonymous.get("/user_magic_links_by_email/a@example.com").status()).isEqualTo(401);
        assertThat(anonymous.get("/user_magic_links_by_external_id/x").status()).isEqualTo(401);
    }

    @Test
    void hrOfAnotherScopeFindsNobodyAndManagersMayNotIssueLinks() {
        // Given units A and B, a hire in each, HR scoped to A, and a manager scoped to A
        String run = UUID.randomUUID().toString().substring(0, 8);
        long root = organisations.units(null).stream().filter(unit -> "root".equals(unit.externalId())).findFirst()
                .orElseThrow().id();
        long unitA = organisations.create(new UnitChange("PA-" + run, "Portal A", 2L, root, null), null).id();
        long unitB = organisations.create(new UnitChange("PB-" + run, "Portal B", 2L, root, null), null).id();
        PortalJourneys.Journey inA = journeys.started("Anna", unitA);
        PortalJourneys.Journey inB = journeys.started("Bruno", unitB);
        WorkeloClient hr = client(scoped(person("hr-" + run, EmployeeRole.HR), unitA));
        WorkeloClient manager = client(scoped(person("manager-" + run, EmployeeRole.MANAGER), unitA));

        // Then HR issues links inside its scope, and outside it gets the answer of an unknown person
        assertThat(hr.get("/user_magic_links/" + inA.hire()).status()).isEqualTo(200);
        for (String path : List.of("/user_magic_links/" + inB.hire(), "/user_magic_links_by_email/" + inB.hireEmail(),
                "/user_magic_links_by_external_id/" + inB.hireExternalId())) {
            Answer answer = hr.get(path);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.raw()).doesNotContain("Bruno");
        }
        // (looked up by email or external id, the answer names only what was asked, never the id found)
        assertThat(hr.get("/user_magic_links_by_email/" + inB.hireEmail()).body())
                .containsEntry("detail", "No employee with email " + inB.hireEmail());
        assertThat(hr.get("/user_magic_links_by_external_id/" + inB.hireExternalId()).body())
                .containsEntry("detail", "No employee with external_id " + inB.hireExternalId());
        // and a manager, who reads but does not change people, may not hand out links
        assertThat(manager.get("/user_magic_links/" + inA.hire()).status()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from magic_link where employee_id = :e").param("e", inB.hire())
                .query(Long.class).single()).isZero();
    }

    @Test
    void thePageCompletesOnlyTheVisitorsOwnActionsAndAuditsThem() {
        // Given the hire's page and the buddy's open action in the same journey
        PortalJourneys.Journey journey = journeys.started("Mia", null);
        String link = journeys.linkOf(journey.hire());
        Task own = openTask(journey, "Task_ReadHandbook");
        Task buddys = openTask(journey, "Task_PlanFirstLunch");

        // When the hire posts the completion of the buddy's action, then of their own
        HttpResponse<String> notTheirs = PortalHttp.post(link + "/actions/" + buddys.getId() + "/complete");
        HttpResponse<String> theirs = PortalHttp.post(link + "/actions/" + own.getId() + "/complete");
        HttpResponse<String> again = PortalHttp.post(link + "/actions/" + own.getId() + "/complete");

        // Then only their own is done, with a redirect back to the page, and the audit names them
        assertThat(notTheirs.statusCode()).isEqualTo(404);
        assertThat(notTheirs.body()).contains("This action is not open for you.");
        assertThat(tasks.createTaskQuery().taskId(buddys.getId()).count()).isEqualTo(1);
        assertThat(theirs.statusCode()).isEqualTo(302);
        assertThat(theirs.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .endsWith(link.substring(link.indexOf("/portal/")) + "?done"));
        assertThat(tasks.createTaskQuery().taskId(own.getId()).count()).isZero();
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("select actor_id from audit_entry where event = 'action_completion' and subject_id = :id")
                .param("id", own.getId()).query(Long.class).list()).containsExactly(journey.hire());
    }

    @Test
    void theBuddyAndTheManagerReachTheirOwnActionsThroughTheirOwnLinks() {
        // Given a started journey
        PortalJourneys.Journey journey = journeys.started("Noor", null);

        // When the buddy and the manager open their links (they have no journey of their own)
        String buddyPage = PortalHttp.get(journeys.linkOf(journey.buddy())).body();
        String managerPage = PortalHttp.get(journeys.linkOf(journey.manager())).body();

        // Then each sees their own action, for the hire, and nobody else's
        assertThat(buddyPage).contains("Plan a first-day lunch with the new hire", "For Noor Martin")
                .doesNotContain("Book a first-week 1:1", "Read the welcome handbook");
        assertThat(managerPage).contains("Book a first-week 1:1", "For Noor Martin")
                .doesNotContain("Plan a first-day lunch", "Read the welcome handbook");
    }

    @Test
    void portalPagesKeepTheirAddressToThemselves() {
        PortalJourneys.Journey journey = journeys.started("Iris", null);
        for (HttpResponse<String> response : List.of(PortalHttp.get(journeys.linkOf(journey.hire())),
                PortalHttp.get(portal(randomToken())))) {
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(response.headers().firstValue("X-Robots-Tag")).hasValueSatisfying(
                    value -> assertThat(value).contains("noindex"));
            assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        }
        HttpResponse<String> stylesheet = PortalHttp.get("http://localhost:" + port + "/portal/portal.css");
        assertThat(stylesheet.statusCode()).isEqualTo(200);
        assertThat(stylesheet.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/css"));
        assertThat(stylesheet.body()).contains("progress");
    }

    private Task openTask(PortalJourneys.Journey journey, String taskDefinitionKey) {
        return tasks.createTaskQuery().processInstanceBusinessKey(Long.toString(journey.hire()))
                .taskDefinitionKey(taskDefinitionKey).singleResult();
    }

    private String portal(String token) {
        return "http://localhost:" + port + "/portal/" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private long adminId() {
        return jdbc.sql("select id from employee where email = 'admin@example.com'").query(Long.class).single();
    }

    private Employee person(String name, EmployeeRole role) {
        return hires.hire(NewHire.builder().firstName("Portal").lastName(name).email(name + "@example.com").role(role)
                .build(), null);
    }

    private Employee scoped(Employee employee, long unit) {
        scopes.grant(employee.id(), unit, null);
        return employee;
    }

    private WorkeloClient client(Employee employee) {
        return new WorkeloClient(port, tokens.issue(employee, null), objectMapper);
    }
}
