package dev.onboardingengine.api.organisation;

/** A level of the organisation hierarchy (Division, Department, Site, ...); position 1 is the top. */
public record LevelOrganization(long id, String name, int position) {
}
