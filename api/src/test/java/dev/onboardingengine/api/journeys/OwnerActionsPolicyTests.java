package dev.onboardingengine.api.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.onboardingengine.api.auth.Access;
import dev.onboardingengine.api.auth.Caller;
import dev.onboardingengine.api.directory.Employee;
import dev.onboardingengine.api.directory.EmployeeNotFound;
import dev.onboardingengine.api.directory.EmployeeReach;
import dev.onboardingengine.api.directory.EmployeeRole;

class OwnerActionsPolicyTests {

    final EmployeeReach unitFour = new EmployeeReach(false, Set.of(4L), 3L);
    final Access scopedHr = new Access(new Caller(3, "scoped@example.com", EmployeeRole.HR), true, true, true,
            unitFour);
    final Access hr = new Access(new Caller(2, "hr@example.com", EmployeeRole.HR), true, true, false,
            EmployeeReach.EVERYONE);

    @Test
    void aCallersOwnQueueIsWholeWhereverItsJourneysAre() {
        // Given the caller is the owner, in no unit of its own scopes
        Employee self = person(3, 9L);

        // Then every journey of the queue is listed
        assertThat(OwnerActionsPolicy.journeysShown(self, scopedHr)).isEmpty();
    }

    @Test
    void aScopedCallerSeesSomeoneElsesQueueOnlyInTheJourneysOfItsReach() {
        assertThat(OwnerActionsPolicy.journeysShown(person(7, 4L), scopedHr)).contains(unitFour);
    }

    @Test
    void anOwnerOutsideTheCallersReachIsNotFound() {
        assertThatThrownBy(() -> OwnerActionsPolicy.journeysShown(person(7, 9L), scopedHr))
                .isInstanceOf(EmployeeNotFound.class);
    }

    @Test
    void aCallerWhoReachesEveryoneSeesEveryJourneyOfAQueue() {
        assertThat(OwnerActionsPolicy.journeysShown(person(7, 9L), hr)).isEmpty();
    }

    private static Employee person(long id, Long unitOrganizationId) {
        return new Employee(id, UUID.randomUUID(), null, "Ada", "Lovelace", "ada@example.com", EmployeeRole.COLLEAGUE,
                null, null, "en", null, null, "UTC", null, null, Instant.EPOCH, Instant.EPOCH, unitOrganizationId);
    }
}
