package dev.onboardingengine.api.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A person in the directory, as every dialect sees them. */
public record Employee(
        long id,
        UUID uuid,
        String externalId,
        String firstName,
        String lastName,
        String email,
        EmployeeRole role,
        String phone,
        String position,
        String language,
        String message,
        LocalDate startDay,
        String timeZone,
        Long buddyId,
        Long managerId,
        Instant createdAt,
        Instant updatedAt,
        Long unitOrganizationId) {
}
