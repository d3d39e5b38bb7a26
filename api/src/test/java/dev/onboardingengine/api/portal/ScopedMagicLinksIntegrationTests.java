package dev.onboardingengine.api.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
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
 * A magic link issued by scoped HR reaches no further than its issuer: a manager in unit A who also
 * manages a hire in unit B gets, from HR of A, a page that neither shows nor completes the B hire's
 * actions; from an administrator, a page with both. A holder whose involvement lies wholly outside the
 * issuer's reach is refused like an unknown person.
 */
@ApiIntegrationTest
class ScopedMagicLinksIntegrationTests {

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
    String run;
    long unitA;
    long unitB;

    @BeforeEach
    void setUp() {
        EngineClock.moveTo(NOW);
        journeys = new PortalJourneys(port, objectMapper, repository, management, runtime);
        run = UUID.randomUUID().toString().substring(0, 8);
        long root = organisations.units(null).stream().filter(unit -> "root".equals(unit.externalId())).findFirst()
                .orElseThrow().id();
        unitA = organisations.create(new UnitChange("LA-" + run, "Link A", 2L, root, null), null).id();
        unitB = organisations.create(new UnitChange("LB-" + run, "Link B", 2L, root, null), null).id();
    }

    @AfterEach
    void resetClock() {
        EngineClock.reset();
    }

    @Test
    void aLinkFromScopedHrNeitherShowsNorCompletesActionsOfJourneysOutsideItsScope() {
        // Given a manager in A who manages Alma (in A) and Boris (in B), and HR scoped to A
        long manager = managerIn(unitA);
        PortalJourneys.Journey inA = journeys.startedWithManager("Alma", unitA, manager);
        PortalJourneys.Journey inB = journeys.startedWithManager("Boris", unitB, manager);
        WorkeloClient hr = scopedHr();
        Task bAction = openTask(inB, "Task_BookOneOnOne");

        // When HR of A issues the manager a link, and the manager opens it and posts B's action
        Answer issued = hr.get("/user_magic_links/" + manager);
        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
        String link = (String) issued.body().get("magic_link");
        HttpResponse<String> page = PortalHttp.get(link);
        HttpResponse<String> completion = PortalHttp.post(link + "/actions/" + bAction.getId() + "/complete");

        // Then the page shows A's action and nothing of Boris, and B's completion is refused, nothing changed
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Book a first-week 1:1", "For Alma Martin").doesNotContain("Boris",
                inB.hireEmail(), bAction.getId());
        assertThat(completion.statusCode()).isEqualTo(404);
        assertThat(tasks.createTaskQuery().taskId(bAction.getId()).count()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_entry where event = 'action_completion' and subject_id = :id")
                .param("id", bAction.getId()).query(Long.class).single()).isZero();
        // and A's own action still completes through the same link
        Task aAction = openTask(inA, "Task_BookOneOnOne");
        assertThat(PortalHttp.post(link + "/actions/" + aAction.getId() + "/complete").statusCode()).isEqualTo(302);
        assertThat(tasks.createTaskQuery().taskId(aAction.getId()).count()).isZero();

        // While a link from an administrator shows and completes both
        String adminLink = journeys.linkOf(manager);
        assertThat(PortalHttp.get(adminLink).body()).contains("For Boris Martin");
        assertThat(PortalHttp.post(adminLink + "/actions/" + bAction.getId() + "/complete").statusCode())
                .isEqualTo(302);
    }

    @Test
    void scopedHrCannotIssueALinkForSomeoneWhoseActionsAreAllOutsideItsScope() {
        // Given a manager in A whose only journey is Boris's, in B
        long manager = managerIn(unitA);
        PortalJourneys.Journey inB = journeys.startedWithManager("Boris", unitB, manager);

        // When HR of A asks for the manager's link
        Answer refused = scopedHr().get("/user_magic_links/" + manager);

        // Then it is answered as for an unknown person, and no link exists
        assertThat(refused.status()).as(refused.toString()).isEqualTo(404);
        assertThat(refused.body()).containsEntry("detail", "No employee with id " + manager);
        assertThat(refused.raw()).doesNotContain("Boris", inB.hireEmail());
        assertThat(jdbc.sql("select count(*) from magic_link where employee_id = :e").param("e", manager)
                .query(Long.class).single()).isZero();
    }

    private long managerIn(long unit) {
        long manager = journeys.employee("Max", "Keller", 2);
        Answer moved = journeys.admin().put("/employees/" + manager, """
                {"unit_organization_id": %d}""".formatted(unit));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        return manager;
    }

    private WorkeloClient scopedHr() {
        Employee hr = hires.hire(NewHire.builder().firstName("Link").lastName("Hr")
                .email("link.hr." + run + "@example.com").role(EmployeeRole.HR).build(), null);
        scopes.grant(hr.id(), unitA, null);
        return new WorkeloClient(port, tokens.issue(hr, null), objectMapper);
    }

    private Task openTask(PortalJourneys.Journey journey, String taskDefinitionKey) {
        return tasks.createTaskQuery().processInstanceBusinessKey(Long.toString(journey.hire()))
                .taskDefinitionKey(taskDefinitionKey).singleResult();
    }
}
