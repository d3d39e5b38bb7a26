package dev.onboardingengine.api.directory;

import java.time.LocalDate;

/** The columns of a directory entry before it has an id. */
public record NewEmployee(
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
        Long unitOrganizationId) {

    /** An employee outside the organisation tree, as the dialects without organisations create them. */
    public NewEmployee(String externalId, String firstName, String lastName, String email, EmployeeRole role,
            String phone, String position, String language, String message, LocalDate startDay, String timeZone,
            Long buddyId, Long managerId) {
        this(externalId, firstName, lastName, email, role, phone, position, language, message, startDay, timeZone,
                buddyId, managerId, null);
    }
}
