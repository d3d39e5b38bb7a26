package dev.onboardingengine.api.dialect.offly;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.onboardingengine.api.auth.Access;
import dev.onboardingengine.api.dialect.offly.OfflyBodies.UserRequest;
import dev.onboardingengine.api.dialect.offly.OfflyBodies.UserResponse;
import dev.onboardingengine.api.directory.DirectoryEntry;
import dev.onboardingengine.api.directory.Employee;
import dev.onboardingengine.api.directory.EmployeeProfile;
import dev.onboardingengine.api.directory.EmployeeRole;
import dev.onboardingengine.api.hire.EmployeeChange;
import dev.onboardingengine.api.hire.EmployeeEditor;
import dev.onboardingengine.api.hire.InvalidHire;
import dev.onboardingengine.api.hire.NewHire;
import dev.onboardingengine.api.input.FieldLimits;
import dev.onboardingengine.api.people.Enrolment;
import dev.onboardingengine.api.people.People;
import dev.onboardingengine.api.people.PersonChange;
import dev.onboardingengine.api.people.PersonRef;

/**
 * Offly's users in and out of the domain: a request becomes an {@link Enrolment} or a
 * {@link PersonChange} carrying what Offly's own rules found wrong (unknown role, department or
 * manager, bad working days); a person becomes Offly's user object. Offly's own fields (working days,
 * holiday country, avatar) are profile fields of the person, which only this dialect reads.
 */
@Component
class OfflyTranslation {

    static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    /** What Offly users work when a create names no days. */
    static final List<String> DEFAULT_WORKING_DAYS = List.of("mon", "tue", "wed", "thu", "fri");

    /** Offly's profile fields, by the directory's names for them. */
    static final String WORKING_DAYS = "working_days";
    static final String HOLIDAY_COUNTRY = "public_holiday_country_code";
    static final String AVATAR = "avatar_url";

    private final People people;
    private final OfflyDepartments departments;

    OfflyTranslation(People people, OfflyDepartments departments) {
        this.people = people;
        this.departments = departments;
    }

    Enrolment enrolment(UserRequest request, Access rights) {
        Optional<EmployeeRole> role = request.role() == null
                ? Optional.of(EmployeeRole.NEW_HIRE)
                : OfflyRoles.roleOf(request.role());
        List<InvalidHire.Violation> own = new ArrayList<>();
        Long unitId = unit(request.departmentId(), own);
        Long managerId = manager(request.managerId(), rights, own);
        offlyFields(request, own);
        if (role.isEmpty()) {
            own.add(new InvalidHire.Violation("role", "invalid_choice", request.role()));
        }
        NewHire hire = NewHire.builder().firstName(request.firstName()).lastName(request.lastName())
                .email(request.email()).role(role.orElse(null)).position(request.jobTitle())
                .startDay(request.startDate()).managerId(managerId).unitOrganizationId(unitId).build();
        Map<String, String> profile = new HashMap<>();
        profile.put(WORKING_DAYS, days(request.workingDays() == null ? DEFAULT_WORKING_DAYS : request.workingDays()));
        profile.put(HOLIDAY_COUNTRY, countryCode(request.publicHolidayCountryCode()));
        return new Enrolment(hire, new EmployeeProfile(profile), List.of(), own);
    }

    /**
     * A partial change: the fields given; {@code "manager_id": null} and {@code "department_id": null}
     * clear them. {@code {}} changes nothing.
     */
    PersonChange change(UUID id, OfflyPatch patch, Access rights) {
        UserRequest request = patch.values();
        List<InvalidHire.Violation> own = new ArrayList<>();
        Long unitId = unit(request.departmentId(), own);
        Long managerId = manager(request.managerId(), rights, own);
        offlyFields(request, own);
        EmployeeRole role = null;
        if (request.role() != null) {
            Optional<EmployeeRole> named = OfflyRoles.roleOf(request.role());
            if (named.isEmpty()) {
                own.add(new InvalidHire.Violation("role", "invalid_choice", request.role()));
            }
            role = named.orElse(null);
        }
        Set<EmployeeEditor.Cleared> cleared = EnumSet.noneOf(EmployeeEditor.Cleared.class);
        if (patch.clearsManager()) {
            cleared.add(EmployeeEditor.Cleared.MANAGER);
        }
        if (patch.clearsDepartment()) {
            cleared.add(EmployeeEditor.Cleared.UNIT_ORGANIZATION);
        }
        Map<String, String> profile = new HashMap<>();
        if (request.workingDays() != null) {
            profile.put(WORKING_DAYS, days(request.workingDays()));
        }
        if (request.publicHolidayCountryCode() != null) {
            profile.put(HOLIDAY_COUNTRY, countryCode(request.publicHolidayCountryCode()));
        }
        EmployeeChange change = new EmployeeChange(request.firstName(), request.lastName(), null, role, null,
                request.jobTitle(), null, request.startDate(), null, managerId, null, null, unitId);
        return new PersonChange(PersonRef.byUuid(id), change, cleared, profile, own);
    }

    UserResponse response(DirectoryEntry entry) {
        Employee employee = entry.employee();
        EmployeeProfile profile = entry.profile();
        String days = profile.get(WORKING_DAYS);
        return new UserResponse(employee.uuid(), employee.email(), employee.firstName(), employee.lastName(),
                OfflyRoles.nameOf(employee.role()), people.standingOf(entry).name().toLowerCase(Locale.ROOT),
                OfflyDepartments.uuidOf(employee.unitOrganizationId()),
                people.uuidOf(employee.managerId()).orElse(null),
                employee.position(), employee.startDay(), days == null ? List.of() : List.of(days.split(",")),
                profile.get(HOLIDAY_COUNTRY), profile.get(AVATAR), !entry.archived(), employee.createdAt(),
                employee.updatedAt());
    }

    private Long unit(UUID departmentId, List<InvalidHire.Violation> violations) {
        if (departmentId == null) {
            return null;
        }
        Optional<Long> unit = departments.unitOf(departmentId);
        if (unit.isEmpty()) {
            violations.add(new InvalidHire.Violation("unitOrganizationId", "unknown_reference", departmentId));
        }
        return unit.orElse(null);
    }

    /** A manager the caller could not reach directly is refused as an unknown one. */
    private Long manager(UUID managerId, Access rights, List<InvalidHire.Violation> violations) {
        if (managerId == null) {
            return null;
        }
        Optional<Long> manager = people.reachable(PersonRef.byUuid(managerId), rights);
        if (manager.isEmpty()) {
            violations.add(new InvalidHire.Violation("managerId", "unknown_reference", managerId));
        }
        return manager.orElse(null);
    }

    private static void offlyFields(UserRequest request, List<InvalidHire.Violation> violations) {
        List<String> days = request.workingDays();
        if (days != null
                && days.stream().anyMatch(day -> day == null || !DAYS.contains(day.trim().toLowerCase(Locale.ROOT)))) {
            violations.add(new InvalidHire.Violation(WORKING_DAYS, "invalid_days", days));
        }
        if (FieldLimits.tooLong(countryCode(request.publicHolidayCountryCode()), FieldLimits.COUNTRY_CODE)) {
            violations.add(new InvalidHire.Violation(HOLIDAY_COUNTRY, FieldLimits.TOO_LONG, FieldLimits.COUNTRY_CODE));
        }
    }

    /** The days in Offly's order, each once; none is no value (the profile field is emptied). */
    private static String days(List<String> days) {
        Set<String> given = new HashSet<>(days.stream().filter(Objects::nonNull)
                .map(day -> day.trim().toLowerCase(Locale.ROOT)).toList());
        String joined = String.join(",", DAYS.stream().filter(given::contains).toList());
        return joined.isEmpty() ? null : joined;
    }

    private static String countryCode(String code) {
        return code == null || code.isBlank() ? null : code.trim().toUpperCase(Locale.ROOT);
    }
}
