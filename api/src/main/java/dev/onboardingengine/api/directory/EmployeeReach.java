package dev.onboardingengine.api.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /**
     * This reach as a condition on the employee table, its values put into {@code params}: the one
     * place the scope filter is written, for every read of people that a caller's reach limits.
     */
    String condition(Map<String, Object> params) {
        if (everyone) {
            return "1 = 1";
        }
        List<String> visible = new ArrayList<>();
        if (!units.isEmpty()) {
            visible.add("unit_organization_id in (:reachUnits)");
            params.put("reachUnits", units);
        }
        if (self != null) {
            visible.add("id = :reachSelf");
            params.put("reachSelf", self);
        }
        return visible.isEmpty() ? "1 = 0" : "(" + String.join(" or ", visible) + ")";
    }
}
