package dev.onboardingengine.api.directory;

import java.util.Set;

/**
 * A filter on the directory; null or empty parts match everything.
 *
 * @param roles employees with one of these roles
 * @param externalId the employee with this external id
 * @param unitOrganizationId employees of exactly this unit
 */
public record EmployeeQuery(Set<EmployeeRole> roles, String externalId, Long unitOrganizationId) {

    public static final EmployeeQuery ALL = new EmployeeQuery(Set.of(), null, null);

    public EmployeeQuery {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }
}
