package dev.onboardingengine.api.directory;

/**
 * What a person is to the engine. Only a {@link #NEW_HIRE} gets an onboarding journey; the others are
 * the people journeys involve (buddies, managers, HR) and the people who run the engine.
 */
public enum EmployeeRole {
    NEW_HIRE,
    ADMIN,
    MANAGER,
    OTHER
}
