package dev.onboardingengine.api.paperwork;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.onboardingengine.api.auth.Access;
import dev.onboardingengine.api.auth.Caller;
import dev.onboardingengine.api.directory.EmployeeReach;
import dev.onboardingengine.api.directory.EmployeeRole;
import dev.onboardingengine.api.problem.AccessDenied;

class CollectionValuePolicyTests {

    final Access hr = new Access(new Caller(2, "hr@example.com", EmployeeRole.HR), true, true, false,
            EmployeeReach.EVERYONE);
    final Access scopedHr = new Access(new Caller(3, "scoped@example.com", EmployeeRole.HR), true, true, true,
            new EmployeeReach(false, Set.of(4L), 3L));
    final Access colleague = new Access(new Caller(5, "colleague@example.com", EmployeeRole.COLLEAGUE), false, false,
            false, new EmployeeReach(false, Set.of(), 5L));

    @Test
    void aScopedCallerReadsTheListsButMayNotChangeWhatEveryUnitsFormsShow() {
        assertThatCode(() -> CollectionValuePolicy.requireRead(scopedHr)).doesNotThrowAnyException();
        assertThatThrownBy(() -> CollectionValuePolicy.requireChange(scopedHr)).isInstanceOf(AccessDenied.class);
    }

    @Test
    void organisationWideHrChangesTheLists() {
        assertThatCode(() -> CollectionValuePolicy.requireChange(hr)).doesNotThrowAnyException();
    }

    @Test
    void whoeverMayNotReadTheDirectoryReadsNoList() {
        assertThatThrownBy(() -> CollectionValuePolicy.requireRead(colleague)).isInstanceOf(AccessDenied.class);
    }
}
