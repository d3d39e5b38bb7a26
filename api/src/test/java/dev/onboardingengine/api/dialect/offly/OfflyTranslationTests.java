package dev.onboardingengine.api.dialect.offly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.onboardingengine.api.auth.Access;
import dev.onboardingengine.api.auth.Caller;
import dev.onboardingengine.api.dialect.offly.OfflyBodies.UserRequest;
import dev.onboardingengine.api.directory.EmployeeReach;
import dev.onboardingengine.api.directory.EmployeeRole;
import dev.onboardingengine.api.hire.InvalidHire;
import dev.onboardingengine.api.people.Enrolment;
import dev.onboardingengine.api.people.People;
import dev.onboardingengine.api.people.PersonChange;
import dev.onboardingengine.api.people.PersonRef;

class OfflyTranslationTests {

    static final UUID DEPARTMENT = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
    static final UUID MANAGER = UUID.fromString("00000000-0000-0000-0000-0000000000a1");

    final People people = mock(People.class);
    final OfflyDepartments departments = mock(OfflyDepartments.class);
    final OfflyTranslation translation = new OfflyTranslation(people, departments);
    final Access rights = new Access(new Caller(1, "hr@example.com", EmployeeRole.HR), true, true, true,
            new EmployeeReach(false, Set.of(4L), 1L));

    @Test
    void reportsEveryOfflyMistakeAtOnceInOfflysOrder() {
        // Given a department and a manager the caller cannot reach
        given(departments.unitOf(DEPARTMENT)).willReturn(Optional.empty());
        given(people.reachable(PersonRef.byUuid(MANAGER), rights)).willReturn(Optional.empty());

        // When a create names them, an unknown role and a day that is no day
        Enrolment enrolment = translation.enrolment(
                request("boss", DEPARTMENT, MANAGER, List.of("mon", "funday"), null),
                rights);

        // Then each is a violation, the hire has no role, department or manager
        assertThat(enrolment.violations()).extracting(InvalidHire.Violation::field, InvalidHire.Violation::code)
                .containsExactly(tuple("unitOrganizationId", "unknown_reference"),
                        tuple("managerId", "unknown_reference"), tuple("working_days", "invalid_days"),
                        tuple("role", "invalid_choice"));
        assertThat(enrolment.hire().role()).isNull();
        assertThat(enrolment.hire().unitOrganizationId()).isNull();
        assertThat(enrolment.hire().managerId()).isNull();
    }

    @Test
    void translatesReferencesIntoTheDirectorysIds() {
        // Given a department that is unit 4 and a manager in reach, employee 12
        given(departments.unitOf(DEPARTMENT)).willReturn(Optional.of(4L));
        given(people.reachable(PersonRef.byUuid(MANAGER), rights)).willReturn(Optional.of(12L));

        // When a create names them as Offly does
        Enrolment enrolment = translation.enrolment(request("manager", DEPARTMENT, MANAGER, null, "fr"), rights);

        // Then the hire carries the directory's ids and Offly's role, the profile the default days
        assertThat(enrolment.violations()).isEmpty();
        assertThat(enrolment.hire().unitOrganizationId()).isEqualTo(4L);
        assertThat(enrolment.hire().managerId()).isEqualTo(12L);
        assertThat(enrolment.hire().role()).isEqualTo(EmployeeRole.MANAGER);
        assertThat(enrolment.profile().get("working_days")).isEqualTo("mon,tue,wed,thu,fri");
        assertThat(enrolment.profile().get("public_holiday_country_code")).isEqualTo("FR");
    }

    @Test
    void aTooLongHolidayCountryIsRefusedWithItsLimit() {
        Enrolment enrolment = translation.enrolment(request(null, null, null, null, "ABCDEFGHIJ"), rights);

        assertThat(enrolment.violations()).extracting(InvalidHire.Violation::field, InvalidHire.Violation::code)
                .containsExactly(tuple("public_holiday_country_code", "too_long"));
    }

    @Test
    void aChangeLeavesWhatItDoesNotNameAndEmptiesTheDaysWhenNoneAreGiven() {
        // When a PATCH gives an empty list of days, a blank country and nothing else
        OfflyPatch patch = new OfflyPatch(request(null, null, null, List.of(), " "),
                Set.of("working_days", "public_holiday_country_code"));
        PersonChange change = translation.change(MANAGER, patch, rights);

        // Then both profile fields are emptied, and no hire field or reference is touched
        assertThat(change.profile()).containsEntry("working_days", null).containsEntry("public_holiday_country_code",
                null);
        assertThat(change.cleared()).isEmpty();
        assertThat(change.change().role()).isNull();
        assertThat(change.violations()).isEmpty();
    }

    @Test
    void aNullAmongTheDaysIsAMistakeNotAFailure() {
        OfflyPatch patch = new OfflyPatch(request(null, null, null, Arrays.asList("mon", null), null),
                Set.of("working_days"));

        assertThat(translation.change(MANAGER, patch, rights).violations())
                .extracting(InvalidHire.Violation::field).containsExactly("working_days");
    }

    private static UserRequest request(String role, UUID department, UUID manager, List<String> days, String country) {
        return new UserRequest("ada@example.com", "Ada", "Lovelace", role, department, manager, "Analyst", null, days,
                country);
    }
}
