package dev.onboardingengine.api.dialect.workelo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

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
import dev.onboardingengine.api.portal.PortalJourneys;
import dev.onboardingengine.workflow.testing.EngineClock;

/**
 * A stakeholder's queue ({@code GET /owners/{id}/actions}) lists, for a scoped caller, only the actions of
 * journeys whose employee is in its scopes, and its {@code X-Total-Count} counts those alone: a manager
 * in A who manages a hire in A and one in B shows HR of A only the first.
 */
@ApiIntegrationTest
class OwnerActionsScopeIntegrationTests {

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
    NewHireService hires;
    @Autowired
    ApiTokens tokens;
    @Autowired
    Organisations organisations;
    @Autowired
    Scopes scopes;

    @AfterEach
    void resetClock() {
        EngineClock.reset();
    }

    @Test
    void scopedHrSeesOnlyTheOwnersActionsInJourneysOfItsScope() {
        // Given a manager in A with an action in Alma's journey (A) and in Boris's (B), and HR scoped to A
        EngineClock.moveTo(Instant.parse("2026-05-01T08:00:00Z"));
        String run = UUID.randomUUID().toString().substring(0, 8);
        long root = organisations.units(null).stream().filter(unit -> "root".equals(unit.externalId())).findFirst()
                .orElseThrow().id();
        long unitA = organisations.create(new UnitChange("OA-" + run, "Owners A", 2L, root, null), null).id();
        long unitB = organisations.create(new UnitChange("OB-" + run, "Owners B", 2L, root, null), null).id();
        PortalJourneys journeys = new PortalJourneys(port, objectMapper, repository, management, runtime);
        long manager = journeys.employee("Max", "Keller", 2);
        assertThat(journeys.admin().put("/employees/" + manager, "{\"unit_organization_id\": %d}".formatted(unitA))
                .status()).isEqualTo(200);
        PortalJourneys.Journey inA = journeys.startedWithManager("Alma", unitA, manager);
        PortalJourneys.Journey inB = journeys.startedWithManager("Boris", unitB, manager);
        Employee hr = hires.hire(NewHire.builder().firstName("Owners").lastName("Hr")
                .email("owners.hr." + run + "@example.com").role(EmployeeRole.HR).build(), null);
        scopes.grant(hr.id(), unitA, null);
        WorkeloClient scopedHr = new WorkeloClient(port, tokens.issue(hr, null), objectMapper);

        // When HR of A and the administrator read the manager's queue
        Answer scoped = scopedHr.get("/owners/" + manager + "/actions");
        Answer everyone = journeys.admin().get("/owners/" + manager + "/actions");

        // Then HR of A sees Alma's action alone, counted alone; the administrator sees both
        assertThat(scoped.status()).as(scoped.toString()).isEqualTo(200);
        assertThat(scoped.list()).extracting(row -> ((Number) row.get("employee_id")).longValue())
                .containsExactly(inA.hire());
        assertThat(scoped.list()).extracting(row -> ((Number) row.get("track_id")).longValue())
                .containsExactly(inA.trackId());
        assertThat(scoped.headers().getFirst("X-Total-Count")).isEqualTo("1");
        assertThat(everyone.list()).extracting(row -> ((Number) row.get("employee_id")).longValue())
                .containsExactlyInAnyOrder(inA.hire(), inB.hire());
        assertThat(everyone.headers().getFirst("X-Total-Count")).isEqualTo("2");
    }
}
