package dev.onboardingengine.api.dialect.workelo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.onboardingengine.api.auth.Access;
import dev.onboardingengine.api.auth.Caller;
import dev.onboardingengine.api.dialect.workelo.WorkeloBodies.EmployeeRequest;
import dev.onboardingengine.api.directory.EmployeeReach;
import dev.onboardingengine.api.directory.EmployeeRole;
import dev.onboardingengine.api.hire.InvalidHire;
import dev.onboardingengine.api.hire.ReferenceReach;
import dev.onboardingengine.api.people.Enrolment;
import dev.onboardingengine.api.people.PersonChange;
import dev.onboardingengine.api.people.PersonRef;

class WorkeloTranslationTests {

    static final InvalidHire.Violation HIDDEN_MANAGER = new InvalidHire.Violation("managerId", "unknown_reference",
            8L);

    final ReferenceReach references = mock(ReferenceReach.class);
    final WorkeloTranslation translation = new WorkeloTranslation(references);
    final Access rights = new Access(new Caller(1, "hr@example.com", EmployeeRole.HR), true, true, true,
            new EmployeeReach(false, Set.of(4L), 1L));

    @Test
    void aCreateWithoutARoleAddsAColleagueInTheNamedUnit() {
        // Given nobody the request names is out of reach
        given(references.hidden(eq(rights.reach()), any(ReferenceReach.Named[].class))).willReturn(List.of());

        // When Workelo's create gives no user_role_id
        Enrolment enrolment = translation.enrolment(request(null, 8L), rights);

        // Then the hire is a colleague's, with Workelo's fields in the domain's names
        assertThat(enrolment.violations()).isEmpty();
        assertThat(enrolment.hire().role()).isEqualTo(EmployeeRole.COLLEAGUE);
        assertThat(enrolment.hire().position()).isEqualTo("Analyst");
        assertThat(enrolment.hire().externalId()).isEqualTo("ext-1");
        assertThat(enrolment.hire().unitOrganizationId()).isEqualTo(4L);
        assertThat(enrolment.hire().managerId()).isEqualTo(8L);
        assertThat(enrolment.profile().fields()).isEmpty();
    }

    @Test
    void anUnknownUserRoleIdIsReportedBesideAHiddenManager() {
        // Given the manager is out of the caller's reach
        given(references.hidden(eq(rights.reach()), any(ReferenceReach.Named[].class)))
                .willReturn(List.of(HIDDEN_MANAGER));

        // When the create names user role 99, which Workelo does not have
        Enrolment enrolment = translation.enrolment(request(99L, 8L), rights);

        // Then both are findings of the translation, and the hire has no role
        assertThat(enrolment.violations()).extracting(InvalidHire.Violation::field, InvalidHire.Violation::code)
                .containsExactly(tuple("managerId", "unknown_reference"), tuple("role", "unknown_reference"));
        assertThat(enrolment.hire().role()).isNull();
    }

    @Test
    void aChangeNamesThePersonByIdAndKeepsTheRoleWhenNoneIsGiven() {
        given(references.hidden(eq(rights.reach()), any(ReferenceReach.Named[].class))).willReturn(List.of());

        PersonChange change = translation.change(7, request(null, null), rights);

        assertThat(change.person()).isEqualTo(PersonRef.byId(7, 7L));
        assertThat(change.change().role()).isNull();
        assertThat(change.change().position()).isEqualTo("Analyst");
        assertThat(change.change().unitOrganizationId()).isEqualTo(4L);
        assertThat(change.cleared()).isEmpty();
        assertThat(change.profile()).isEmpty();
        assertThat(change.violations()).isEmpty();
    }

    @Test
    void aChangeToAnUnknownRoleIsRefusedForTheRoleAlone() {
        // Given the manager is out of reach too
        given(references.hidden(eq(rights.reach()), any(ReferenceReach.Named[].class)))
                .willReturn(List.of(HIDDEN_MANAGER));

        // When a change names user role 99
        PersonChange change = translation.change(7, request(99L, 8L), rights);

        // Then only the role is reported, as this route always answered
        assertThat(change.violations()).containsExactly(new InvalidHire.Violation("role", "unknown_reference", 99L));
        assertThat(change.change().role()).isNull();
    }

    @Test
    void aChangeToAKnownRoleCarriesTheEnginesRole() {
        given(references.hidden(eq(rights.reach()), any(ReferenceReach.Named[].class))).willReturn(List.of());

        PersonChange change = translation.change(7, request(2L, null), rights);

        assertThat(change.change().role()).isEqualTo(EmployeeRole.MANAGER);
    }

    private static EmployeeRequest request(Long userRoleId, Long managerId) {
        return new EmployeeRequest("Ada", "Lovelace", "ada@example.com", "Analyst", "ext-1", 4L, userRoleId,
                LocalDate.of(2027, 1, 4), "UTC", "en", managerId, null, "+44");
    }
}
