package dev.onboardingengine.api.auth;

import dev.onboardingengine.api.directory.Employee;

/**
 * Who may read and change the organisation: its tree of levels and units, and the access scopes that
 * tie managers and HR to units. The tree spans every unit, so changing it takes an organisation-wide
 * role; a scope widens someone's reach, so only administrators grant or revoke one, and nobody widens
 * their own. It sits in {@code auth} beside {@link DirectoryAccess}, which reads the scopes to compute
 * a reach ({@code organisation} knows nothing of callers).
 */
public final class OrganisationPolicy {

    private OrganisationPolicy() {
    }

    /** Levels and units: anyone who may read the directory. */
    public static void requireTreeRead(Access rights) {
        rights.requireRead();
    }

    /** Creating or changing a unit: administrators and HR without scopes. */
    public static void requireTreeChange(Access rights) {
        rights.requireOrganisationWide();
    }

    /**
     * Someone's scopes are read by whoever may see that person.
     *
     * @throws dev.onboardingengine.api.directory.EmployeeNotFound when the caller may not see them
     */
    public static void requireScopesRead(Employee holder, Access rights) {
        rights.visible(holder);
    }

    /**
     * Granting a scope: an administrator, to someone they can see (anyone else is not found, not forbidden).
     *
     * @throws dev.onboardingengine.api.directory.EmployeeNotFound before any refusal for the caller's role
     */
    public static void requireGrant(Employee holder, Access rights) {
        rights.visible(holder);
        rights.requireAdmin();
    }

    public static void requireRevoke(Access rights) {
        rights.requireAdmin();
    }
}
