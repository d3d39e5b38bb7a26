package dev.onboardingengine.api.organisation;

import java.time.Instant;

/** One access scope (Workelo's unit organization management): an employee manages a unit and all below it. */
public record Scope(long id, long employeeId, long unitOrganizationId, Instant createdAt) {
}
