package dev.onboardingengine.api.dialect.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.onboardingengine.api.auth.Access;
import dev.onboardingengine.api.auth.Caller;
import dev.onboardingengine.api.dialect.bridge.BridgeBodies.UserRequest;
import dev.onboardingengine.api.directory.EmployeeReach;
import dev.onboardingengine.api.directory.EmployeeRole;
import dev.onboardingengine.api.hire.InvalidHire;
import dev.onboardingengine.api.people.Enrolment;
import dev.onboardingengine.api.people.People;
import dev.onboardingengine.api.people.PersonRef;

class BridgeTranslationTests {

    final People people = mock(People.class);
    final BridgeTranslation translation = new BridgeTranslation(people);
    final Access rights = new Access(new Caller(1, "hr@example.com", EmployeeRole.HR), true, true, false,
            EmployeeReach.EVERYONE);

    @Test
    void readsBridgesTwoKindsOfIdAndNothingElse() {
        assertThat(BridgeTranslation.person("uid:hsolo"))
                .isEqualTo(PersonRef.byProfile("bridge_uid", "hsolo", "uid:hsolo"));
        assertThat(BridgeTranslation.person("42")).isEqualTo(PersonRef.byId(42, "42"));
        assertThat(BridgeTranslation.person("han")).isEqualTo(PersonRef.nobody("han"));
        assertThat(BridgeTranslation.person("-1")).isEqualTo(PersonRef.nobody("-1"));
        assertThat(BridgeTranslation.person(null)).isEqualTo(PersonRef.nobody(null));
    }

    @Test
    void takesTheNamesFromTheSortableNameWhenNoneAreGiven() {
        Enrolment enrolment = translation.enrolment(request("hsolo", null, "Solo, Han", null, null), rights);

        assertThat(enrolment.hire().firstName()).isEqualTo("Han");
        assertThat(enrolment.hire().lastName()).isEqualTo("Solo");
    }

    @Test
    void refusesAMissingUidAndATakenHrisIdInBridgesNames() {
        // Given the HRIS id belongs to someone already
        given(people.profileValueTaken("hris_id", "H-1")).willReturn(true);

        // When a user without uid names it
        Enrolment enrolment = translation.enrolment(request(null, "Han Solo", null, "H-1", null), rights);

        // Then both are Bridge's own mistakes, by Bridge's field names
        assertThat(enrolment.violations()).extracting(InvalidHire.Violation::field, InvalidHire.Violation::code)
                .containsExactly(tuple("uid", "required"), tuple("hris_id", "exists"));
    }

    @Test
    void aTakenUidIsRefused() {
        given(people.profileValueTaken("bridge_uid", "hsolo")).willReturn(true);

        assertThat(translation.enrolment(request(" hsolo ", "Han Solo", null, null, null), rights).violations())
                .extracting(InvalidHire.Violation::field, InvalidHire.Violation::code)
                .containsExactly(tuple("uid", "exists"));
    }

    @Test
    void aManagerNamedByUidBecomesTheDirectorysId() {
        // Given the manager is in reach
        given(people.reachable(PersonRef.byProfile("bridge_uid", "boss", "uid:boss"), rights))
                .willReturn(Optional.of(3L));

        Enrolment enrolment = translation.enrolment(request("hsolo", "Han Solo", null, null, " uid:boss "), rights);

        assertThat(enrolment.hire().managerId()).isEqualTo(3L);
        assertThat(enrolment.violations()).isEmpty();
    }

    @Test
    void aManagerOutOfReachIsAnUnknownReferenceWithTheGivenId() {
        given(people.reachable(PersonRef.byId(7, "7"), rights)).willReturn(Optional.empty());

        assertThat(translation.enrolment(request("hsolo", "Han Solo", null, null, "7"), rights).violations())
                .containsExactly(new InvalidHire.Violation("managerId", "unknown_reference", "7"));
    }

    private static UserRequest request(String uid, String fullName, String sortableName, String hrisId,
            String managerId) {
        return new UserRequest(uid, null, null, fullName, sortableName, "h.solo@example.com", null, managerId, null,
                null, null, hrisId, null);
    }
}
