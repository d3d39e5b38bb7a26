package dev.onboardingengine.api.directory;

import java.util.Set;

/**
 * Which employees a caller may see: everyone, or those of some units (already expanded to every
 * unit below them), plus always the caller themselves.
 */
public record EmployeeReach(boolean everyone, Set<Long> units, Long self) {

    public static final EmployeeReach EVERYONE = new EmployeeReach(true, Set.of(), null);

    public EmployeeReach {
        units = Set.copyOf(units);
    }

    public boolean includes(Employee employee) {
        return everyone || (self != null && self == employee.id())
                || (employee.unitOrganizationId() != null && units.contains(employee.unitOrganizationId()));
    }
}
