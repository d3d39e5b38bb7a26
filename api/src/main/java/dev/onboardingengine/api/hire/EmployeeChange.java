package dev.onboardingengine.api.hire;

import java.time.LocalDate;

import dev.onboardingengine.api.directory.EmployeeRole;

/**
 * The fields of an employee to change; null leaves a field as it is. Field names in errors are those
 * of {@link NewHire}, like a hire's.
 */
public record EmployeeChange(
        String firstName,
        String lastName,
        String email,
        EmployeeRole role,
        String phone,
        String position,
        String language,
        LocalDate startDay,
        Long buddyId,
        Long managerId,
        String timeZone,
        String externalId,
        Long unitOrganizationId) {
}
