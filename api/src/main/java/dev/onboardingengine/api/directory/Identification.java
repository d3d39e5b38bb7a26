package dev.onboardingengine.api.directory;

import java.time.Instant;

/** An employee's value for one identification field. */
public record Identification(long id, long employeeId, long identificationResourceId, String value, Instant createdAt,
        Instant updatedAt) {
}
