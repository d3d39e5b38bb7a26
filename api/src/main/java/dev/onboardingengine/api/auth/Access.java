package dev.onboardingengine.api.auth;

import dev.onboardingengine.api.directory.Employee;
import dev.onboardingengine.api.directory.EmployeeNotFound;
import dev.onboardingengine.api.directory.EmployeeReach;
import dev.onboardingengine.api.directory.EmployeeRole;
import dev.onboardingengine.api.problem.AccessDenied;

/**
 * What one caller may do with the directory, decided once per request by {@link DirectoryAccess} and
 * used by every dialect, so that no endpoint has rules of its own.
 *
 * @param reads may read employees (within {@link #reach})
 * @param writes may create and change employees (within {@link #reach})
 * @param scoped whether the caller's rights stop at its scopes
 */
public record Access(Caller caller, boolean reads, boolean writes, boolean scoped, EmployeeReach reach) {

    public static final String NO_PERMISSION = "You do not have permission to perform this action.";

    public boolean isAdmin() {
        return caller.isAdmin();
    }

    /** Roles, organisations' reference data, directory lists: admins, HR and managers with scopes. */
    public void requireRead() {
        if (!reads) {
            throw new AccessDenied(NO_PERMISSION);
        }
    }

    public void requireWrite() {
        if (!writes) {
            throw new AccessDenied(NO_PERMISSION);
        }
    }

    /** Granting scopes: only administrators, or HR could widen its own reach. */
    public void requireAdmin() {
        if (!caller.isAdmin()) {
            throw new AccessDenied(NO_PERMISSION);
        }
    }

    /** The organisation tree and the audit trail span every unit: administrators and HR without scopes. */
    public void requireOrganisationWide() {
        if (!(writes && !scoped)) {
            throw new AccessDenied(NO_PERMISSION);
        }
    }

    public boolean canSee(Employee employee) {
        return reads && reach.includes(employee);
    }

    /** @throws EmployeeNotFound when the caller may not see the employee: the same answer as for a missing one */
    public Employee visible(Employee employee) {
        if (!canSee(employee)) {
            throw new EmployeeNotFound(employee.id());
        }
        return employee;
    }

    /** The employee, if the caller may change them; a scoped caller's invisible employees are "not found". */
    public Employee changeable(Employee employee) {
        visible(employee);
        requireWrite();
        return employee;
    }

    /**
     * A scoped caller may place people only inside its scopes (never outside the tree), and only
     * administrators may make administrators or HR, so nobody widens their own rights.
     */
    public void requirePlacement(Long unitOrganizationId, EmployeeRole role) {
        requireWrite();
        if (scoped && (unitOrganizationId == null || !reach.units().contains(unitOrganizationId))) {
            throw new AccessDenied("unit_organization_id: you may only place employees in the units of your scopes.");
        }
        if (!caller.isAdmin() && (role == EmployeeRole.ADMIN || role == EmployeeRole.HR)) {
            throw new AccessDenied("user_role_id: only administrators may give the admin or hr role.");
        }
    }
}
