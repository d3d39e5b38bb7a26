package dev.onboardingengine.api.dialect.chiefonboarding;

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
import dev.onboardingengine.api.directory.EmployeeReach;
import dev.onboardingengine.api.directory.EmployeeRole;
import dev.onboardingengine.api.hire.InvalidHire;
import dev.onboardingengine.api.hire.ReferenceReach;
import dev.onboardingengine.api.people.Enrolment;

class ChiefOnboardingTranslationTests {

    final ReferenceReach references = mock(ReferenceReach.class);
    final ChiefOnboardingTranslation translation = new ChiefOnboardingTranslation(references);
    final Access rights = new Access(new Caller(1, "hr@example.com", EmployeeRole.HR), true, true, true,
            new EmployeeReach(false, Set.of(4L), 1L));

    @Test
    void translatesChiefOnboardingsFieldsIntoTheHire() {
        // Given nobody the request names is out of reach
        given(references.hidden(eq(rights.reach()), any(ReferenceReach.Named[].class))).willReturn(List.of());

        // When ChiefOnboarding's create names a manager, a buddy, role 2 and sequences
        Enrolment enrolment = translation.enrolment(new CreateUserRequest("Ada", "Lovelace", "ada@example.com",
                "+44", "Analyst", "fr", "Welcome", LocalDate.of(2027, 1, 4), 5L, 6L, "Europe/Paris", List.of(1L, 2L),
                2), rights);

        // Then the hire carries them in the domain's terms, and nothing was found wrong
        assertThat(enrolment.violations()).isEmpty();
        assertThat(enrolment.hire().role()).isEqualTo(EmployeeRole.MANAGER);
        assertThat(enrolment.hire().buddyId()).isEqualTo(5L);
        assertThat(enrolment.hire().managerId()).isEqualTo(6L);
        assertThat(enrolment.hire().timeZone()).isEqualTo("Europe/Paris");
        assertThat(enrolment.hire().message()).isEqualTo("Welcome");
        assertThat(enrolment.hire().sequenceIds()).containsExactly(1L, 2L);
        assertThat(enrolment.hire().unitOrganizationId()).isNull();
        assertThat(enrolment.profile().fields()).isEmpty();
    }

    @Test
    void anUnknownRoleNumberAndAHiddenBuddyAreTheTranslationsFindings() {
        // Given the buddy is someone the caller cannot reach
        given(references.hidden(eq(rights.reach()), any(ReferenceReach.Named[].class))).willReturn(
                List.of(new InvalidHire.Violation("buddyId", "unknown_reference", 5L)));

        // When a create gives role 7, which ChiefOnboarding does not define
        Enrolment enrolment = translation.enrolment(new CreateUserRequest("Ada", "Lovelace", "ada@example.com", null,
                null, null, null, null, 5L, null, null, null, 7), rights);

        // Then both are reported, in the hire's field names, and the hire has no role
        assertThat(enrolment.violations()).extracting(InvalidHire.Violation::field, InvalidHire.Violation::code,
                InvalidHire.Violation::rejectedValue)
                .containsExactly(tuple("buddyId", "unknown_reference", 5L), tuple("role", "invalid_choice", 7));
        assertThat(enrolment.hire().role()).isNull();
    }

    @Test
    void noRoleIsLeftToTheHiresRulesToRequire() {
        given(references.hidden(eq(rights.reach()), any(ReferenceReach.Named[].class))).willReturn(List.of());

        Enrolment enrolment = translation.enrolment(CreateUserRequest.EMPTY, rights);

        // A missing role is the hire's own "required", not a translation finding
        assertThat(enrolment.violations()).isEmpty();
        assertThat(enrolment.hire().role()).isNull();
    }
}
