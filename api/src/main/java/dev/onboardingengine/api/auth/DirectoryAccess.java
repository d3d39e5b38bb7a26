package dev.onboardingengine.api.auth;

import java.util.Set;

import org.springframework.stereotype.Service;

import dev.onboardingengine.api.directory.EmployeeReach;
import dev.onboardingengine.api.organisation.Scopes;

/**
 * The one place where roles become rights:
 * <ul>
 * <li>admin: reads and changes everything;</li>
 * <li>hr: reads and changes employees; with scopes, only those in its scopes' units and below (and itself);</li>
 * <li>manager: with scopes, reads the employees of its scopes' units and below (and itself); without, nothing;</li>
 * <li>new hire, colleague, other: authenticate, and read their own journeys.</li>
 * </ul>
 */
@Service
public class DirectoryAccess {

    private final Scopes scopes;

    DirectoryAccess(Scopes scopes) {
        this.scopes = scopes;
    }

    public Access of(Caller caller) {
        return switch (caller.role()) {
            case ADMIN -> new Access(caller, true, true, false, EmployeeReach.EVERYONE);
            case HR -> {
                Set<Long> units = scopes.reachableUnits(caller.employeeId());
                yield units.isEmpty()
                        ? new Access(caller, true, true, false, EmployeeReach.EVERYONE)
                        : new Access(caller, true, true, true, new EmployeeReach(false, units, caller.employeeId()));
            }
            case MANAGER -> {
                Set<Long> units = scopes.reachableUnits(caller.employeeId());
                yield new Access(caller, !units.isEmpty(), false, true,
                        new EmployeeReach(false, units, caller.employeeId()));
            }
            case NEW_HIRE, COLLEAGUE, OTHER ->
                new Access(caller, false, false, true, new EmployeeReach(false, Set.of(), caller.employeeId()));
        };
    }
}
