package dev.onboardingengine.api.directory;

import java.util.List;

/**
 * The fields of a person that only some dialects show (Offly's working days, holiday country and
 * avatar; Bridge's uid, HRIS id, department and display names), kept on the same employee row.
 *
 * @param workingDays Offly's day codes, e.g. ["mon","tue"]; empty when not given
 */
public record EmployeeProfile(
        List<String> workingDays,
        String publicHolidayCountryCode,
        String avatarUrl,
        String bridgeUid,
        String hrisId,
        String department,
        String fullName,
        String sortableName) {

    public static final EmployeeProfile EMPTY = new EmployeeProfile(List.of(), null, null, null, null, null, null, null);

    public EmployeeProfile {
        workingDays = workingDays == null ? List.of() : List.copyOf(workingDays);
    }
}
