package dev.onboardingengine.api.journeys;

import java.util.Optional;

import dev.onboardingengine.api.auth.Access;
import dev.onboardingengine.api.directory.Employee;
import dev.onboardingengine.api.directory.EmployeeReach;

/**
 * Which of a stakeholder's actions a caller may list. Their own queue is whole: a buddy sees every
 * action assigned to them, whichever journey it belongs to. Someone else's queue is read only by a
 * caller who may see that person, and then only in the journeys of people within the caller's reach.
 */
public final class OwnerActionsPolicy {

    private OwnerActionsPolicy() {
    }

    /**
     * @return empty when every journey of the queue may be listed, else the reach its journeys' people must be in
     * @throws dev.onboardingengine.api.directory.EmployeeNotFound when the caller may not see the owner
     */
    public static Optional<EmployeeReach> journeysShown(Employee owner, Access rights) {
        if (rights.caller().employeeId() == owner.id()) {
            return Optional.empty();
        }
        rights.visible(owner);
        return rights.reach().everyone() ? Optional.empty() : Optional.of(rights.reach());
    }
}
