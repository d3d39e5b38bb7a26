package dev.onboardingengine.api.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.onboardingengine.api.auth.Access;
import dev.onboardingengine.api.auth.Caller;
import dev.onboardingengine.api.directory.Employee;
import dev.onboardingengine.api.directory.EmployeeReach;
import dev.onboardingengine.api.directory.EmployeeRole;
import dev.onboardingengine.api.problem.AccessDenied;

class MagicLinkPolicyTests {

    final Access scopedHr = new Access(new Caller(3, "scoped@example.com", EmployeeRole.HR), true, true, true,
            new EmployeeReach(false, Set.of(4L), 3L));
    final Access scopedManager = new Access(new Caller(6, "manager@example.com", EmployeeRole.MANAGER), true, false,
            true, new EmployeeReach(false, Set.of(4L), 6L));

    @Test
    void hrIssuesALinkToSomeoneInItsScopes() {
        Employee inScope = personIn(4L);

        assertThat(MagicLinkPolicy.holder(Optional.of(inScope), scopedHr)).contains(inScope);
    }

    @Test
    void someoneOutsideTheCallersScopesIsAbsentAsNobodyIs() {
        assertThat(MagicLinkPolicy.holder(Optional.of(personIn(9L)), scopedHr)).isEmpty();
        assertThat(MagicLinkPolicy.holder(Optional.empty(), scopedHr)).isEmpty();
    }

    @Test
    void aCallerWhoSeesButMayNotChangeTheHolderIsRefused() {
        // A link is a credential for its holder: seeing them is not enough
        assertThatThrownBy(() -> MagicLinkPolicy.holder(Optional.of(personIn(4L)), scopedManager))
                .isInstanceOf(AccessDenied.class);
    }

    private static Employee personIn(Long unitOrganizationId) {
        return new Employee(7, UUID.randomUUID(), null, "Ada", "Lovelace", "ada@example.com", EmployeeRole.NEW_HIRE,
                null, null, "en", null, null, "UTC", null, null, Instant.EPOCH, Instant.EPOCH, unitOrganizationId);
    }
}
