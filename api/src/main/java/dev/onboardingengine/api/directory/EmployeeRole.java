package dev.onboardingengine.api.directory;

/**
 * What a person is to the engine. Only a {@link #NEW_HIRE} gets an onboarding journey; the others are
 * the people journeys involve (buddies, managers, HR) and the people who run the engine.
 *
 * <p>What a role may do through the API is decided in one place, {@code auth.DirectoryAccess}:
 * {@link #ADMIN} everything; {@link #HR} reads and changes employees (only those of its scopes when it
 * has scopes); {@link #MANAGER} reads the employees of its scopes; the others only authenticate.
 */
public enum EmployeeRole {
    NEW_HIRE, ADMIN, MANAGER, OTHER,
    /** People operations: changes the directory, within its scopes when it has some. */
    HR,
    /** An employee like any other: may be a buddy, is notified, has no API rights. */
    COLLEAGUE
}
