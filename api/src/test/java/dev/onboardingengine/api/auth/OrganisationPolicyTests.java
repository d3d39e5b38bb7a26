package dev.onboardingengine.api.auth;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.onboardingengine.api.directory.Employee;
import dev.onboardingengine.api.directory.EmployeeNotFound;
import dev.onboardingengine.api.directory.EmployeeReach;
import dev.onboardingengine.api.directory.EmployeeRole;
import dev.onboardingengine.api.problem.AccessDenied;

class OrganisationPolicyTests {

    static final Access ADMIN = new Access(new Caller(1, "admin@example.com", EmployeeRole.ADMIN), true, true, false,
            EmployeeReach.EVERYONE);
    static final Access HR = new Access(new Caller(2, "hr@example.com", EmployeeRole.HR), true, true, false,
            EmployeeReach.EVERYONE);
    static final Access SCOPED_HR = new Access(new Caller(3, "scoped@example.com", EmployeeRole.HR), true, true, true,
            new EmployeeReach(false, Set.of(4L), 3L));
    static final Access COLLEAGUE = new Access(new Caller(5, "colleague@example.com", EmployeeRole.COLLEAGUE), false,
            false, false, new EmployeeReach(false, Set.of(), 5L));

    @Test
    void everyoneWhoReadsTheDirectoryReadsTheTreeAndNobodyElse() {
        assertThatCode(() -> OrganisationPolicy.requireTreeRead(SCOPED_HR)).doesNotThrowAnyException();
        assertThatThrownBy(() -> OrganisationPolicy.requireTreeRead(COLLEAGUE)).isInstanceOf(AccessDenied.class);
    }

    @Test
    void onlyAnOrganisationWideRoleChangesTheTree() {
        assertThatCode(() -> OrganisationPolicy.requireTreeChange(ADMIN)).doesNotThrowAnyException();
        assertThatCode(() -> OrganisationPolicy.requireTreeChange(HR)).doesNotThrowAnyException();
        // HR with scopes would change units outside them
        assertThatThrownBy(() -> OrganisationPolicy.requireTreeChange(SCOPED_HR)).isInstanceOf(AccessDenied.class);
    }

    @Test
    void someonesScopesAreReadByWhoeverSeesThem() {
        assertThatCode(() -> OrganisationPolicy.requireScopesRead(personIn(4L), SCOPED_HR))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> OrganisationPolicy.requireScopesRead(personIn(9L), SCOPED_HR))
                .isInstanceOf(EmployeeNotFound.class);
    }

    @Test
    void onlyAnAdministratorGrantsAScopeSoNobodyWidensTheirOwnReach() {
        assertThatCode(() -> OrganisationPolicy.requireGrant(personIn(4L), ADMIN)).doesNotThrowAnyException();
        assertThatThrownBy(() -> OrganisationPolicy.requireGrant(personIn(4L), HR)).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> OrganisationPolicy.requireRevoke(HR)).isInstanceOf(AccessDenied.class);
        assertThatCode(() -> OrganisationPolicy.requireRevoke(ADMIN)).doesNotThrowAnyException();
    }

    @Test
    void aHolderTheCallerCannotSeeIsNotFoundBeforeTheRoleIsRefused() {
        // Scoped HR may not grant at all, but for someone outside its scopes the answer must not say they exist
        assertThatThrownBy(() -> OrganisationPolicy.requireGrant(personIn(9L), SCOPED_HR))
                .isInstanceOf(EmployeeNotFound.class);
    }

    static Employee personIn(Long unitOrganizationId) {
        return new Employee(7, UUID.randomUUID(), null, "Ada", "Lovelace", "ada@example.com", EmployeeRole.COLLEAGUE,
                null, null, "en", null, null, "UTC", null, null, Instant.EPOCH, Instant.EPOCH, unitOrganizationId);
    }
}
