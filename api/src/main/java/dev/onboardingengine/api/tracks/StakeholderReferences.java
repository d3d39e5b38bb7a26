package dev.onboardingengine.api.tracks;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.onboardingengine.api.auth.Access;
import dev.onboardingengine.api.directory.Employees;
import dev.onboardingengine.api.hire.ReferenceReach;
import dev.onboardingengine.api.problem.InvalidInput;

/** The people a track names (its HR, manager and buddy): each must exist and be within the caller's reach. */
@Component
class StakeholderReferences {

    private final Employees employees;
    private final ReferenceReach references;

    StakeholderReferences(Employees employees, ReferenceReach references) {
        this.employees = employees;
        this.references = references;
    }

    void check(List<InvalidInput.Violation> violations, TrackRequest.Implications people, Access access) {
        reference(violations, "hr_id", people.hrId(), access);
        reference(violations, "manager_id", people.managerId(), access);
        reference(violations, "buddy_id", people.buddyId(), access);
    }

    /** Absent, or out of the caller's reach: the same answer, so it tells nothing of other units' people. */
    private void reference(List<InvalidInput.Violation> violations, String field, Long id, Access access) {
        if (id != null && (!employees.exists(id) || references.hides(access.reach(), id))) {
            violations.add(new InvalidInput.Violation(field, "unknown_reference", id));
        }
    }
}
