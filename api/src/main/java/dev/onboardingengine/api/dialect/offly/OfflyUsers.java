package dev.onboardingengine.api.dialect.offly;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.onboardingengine.api.hire.ReferenceReach;
import dev.onboardingengine.api.audit.AuditLog;
import dev.onboardingengine.api.auth.Access;
import dev.onboardingengine.api.dialect.offly.OfflyBodies.Pagination;
import dev.onboardingengine.api.dialect.offly.OfflyBodies.UserPage;
import dev.onboardingengine.api.dialect.offly.OfflyBodies.UserRequest;
import dev.onboardingengine.api.dialect.offly.OfflyBodies.UserResponse;
import dev.onboardingengine.api.directory.DirectoryEntries;
import dev.onboardingengine.api.directory.DirectoryEntries.Standing;
import dev.onboardingengine.api.directory.DirectoryEntry;
import dev.onboardingengine.api.directory.Employee;
import dev.onboardingengine.api.directory.EmployeeNotFound;
import dev.onboardingengine.api.directory.EmployeeProfile;
import dev.onboardingengine.api.directory.EmployeeRole;
import dev.onboardingengine.api.directory.Employees;
import dev.onboardingengine.api.hire.EmployeeArchive;
import dev.onboardingengine.api.hire.EmployeeChange;
import dev.onboardingengine.api.hire.EmployeeEditor;
import dev.onboardingengine.api.hire.InvalidHire;
import dev.onboardingengine.api.hire.NewHire;
import dev.onboardingengine.api.hire.NewHireService;
import dev.onboardingengine.api.hire.OrganisationProperties;
import dev.onboardingengine.api.input.FieldLimits;
import dev.onboardingengine.api.problem.AccessDenied;

/**
 * Offly's users over the one directory: a create is a hire through {@link NewHireService} (an Offly
 * {@code employee} gets a journey), a change goes through {@link EmployeeEditor}, a delete archives
 * through {@link EmployeeArchive}. Offly's own fields (working days, holiday country) are saved in
 * the same transaction.
 */
@Service
class OfflyUsers {

    static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    /** What Offly users work when a create names no days. */
    static final List<String> DEFAULT_WORKING_DAYS = List.of("mon", "tue", "wed", "thu", "fri");

    private final NewHireService hires;
    private final EmployeeEditor editor;
    private final EmployeeArchive archive;
    private final DirectoryEntries entries;
    private final OfflyDepartments departments;
    private final OrganisationProperties organisation;
    private final AuditLog audit;
    private final ReferenceReach references;
    private final Employees employees;

    OfflyUsers(NewHireService hires, EmployeeEditor editor, EmployeeArchive archive, DirectoryEntries entries,
            OfflyDepartments departments, OrganisationProperties organisation, AuditLog audit, ReferenceReach references,
            Employees employees) {
        this.references = references;
        this.employees = employees;
        this.hires = hires;
        this.editor = editor;
        this.archive = archive;
        this.entries = entries;
        this.departments = departments;
        this.organisation = organisation;
        this.audit = audit;
    }

    /** One page after {@code cursor} (null: the first); one row more than asked tells whether more follow. */
    @Transactional(readOnly = true)
    UserPage list(Standing standing, Access rights, OfflyCursor cursor, int limit) {
        List<DirectoryEntry> rows = entries.searchAfter(standing, today(), rights.reach(),
                cursor == null ? null : cursor.afterId(), limit + 1);
        List<DirectoryEntry> page = rows.subList(0, Math.min(limit, rows.size()));
        boolean more = rows.size() > limit;
        String next = more ? new OfflyCursor(page.get(page.size() - 1).employee().id(), standing).encode() : null;
        return new UserPage(page.stream().map(this::response).toList(), new Pagination(next, more));
    }

    @Transactional(readOnly = true)
    UserResponse get(UUID id, Access rights) {
        DirectoryEntry entry = find(id);
        rights.visible(entry.employee());
        return response(entry);
    }

    @Transactional
    UserResponse create(UserRequest request, Access rights) {
        Optional<EmployeeRole> role = request.role() == null ? Optional.of(EmployeeRole.NEW_HIRE)
                : OfflyRoles.roleOf(request.role());
        List<InvalidHire.Violation> own = new ArrayList<>();
        Long unitId = unit(request.departmentId(), own);
        Long managerId = manager(request.managerId(), rights, own);
        workingDays(request.workingDays(), own);
        if (FieldLimits.tooLong(countryCode(request.publicHolidayCountryCode()), FieldLimits.COUNTRY_CODE)) {
            own.add(new InvalidHire.Violation("public_holiday_country_code", FieldLimits.TOO_LONG, FieldLimits.COUNTRY_CODE));
        }
        rights.requirePlacement(unitId, role.orElse(null));
        NewHire hire = NewHire.builder().firstName(request.firstName()).lastName(request.lastName())
                .email(request.email()).role(role.orElse(null)).position(request.jobTitle())
                .startDay(request.startDate()).managerId(managerId).unitOrganizationId(unitId).build();
        if (role.isEmpty()) {
            own.add(new InvalidHire.Violation("role", "invalid_choice", request.role()));
        }
        if (!own.isEmpty()) {
            // Every mistake at once: the hire's own rules beside Offly's references.
            List<InvalidHire.Violation> all = new ArrayList<>(hires.validate(hire).stream()
                    .filter(v -> !(v.field().equals("role") && role.isEmpty())).toList());
            all.addAll(own);
            throw new InvalidHire(all);
        }
        Employee employee = hires.hire(hire, rights.caller().employeeId());
        entries.saveProfile(employee.id(), new EmployeeProfile(
                request.workingDays() == null ? DEFAULT_WORKING_DAYS : normalized(request.workingDays()),
                countryCode(request.publicHolidayCountryCode()), null, null, null, null, null, null), Instant.now());
        return response(entries.find(employee.id()).orElseThrow());
    }

    /**
     * A partial change: the fields given; {@code "manager_id": null} and {@code "department_id": null}
     * clear them. {@code {}} changes nothing and writes nothing.
     */
    @Transactional
    UserResponse update(UUID id, OfflyPatch patch, Access rights) {
        UserRequest request = patch.values();
        // Read again under the person's lock: a deletion running at the same time is either seen or waits.
        employees.lock(find(id).employee().id());
        DirectoryEntry entry = find(id);
        Employee current = rights.changeable(entry.employee());
        if (entry.archived()) {
            throw new UserArchived(id);
        }
        List<InvalidHire.Violation> own = new ArrayList<>();
        Long unitId = unit(request.departmentId(), own);
        Long managerId = manager(request.managerId(), rights, own);
        workingDays(request.workingDays(), own);
        if (FieldLimits.tooLong(countryCode(request.publicHolidayCountryCode()), FieldLimits.COUNTRY_CODE)) {
            own.add(new InvalidHire.Violation("public_holiday_country_code", FieldLimits.TOO_LONG, FieldLimits.COUNTRY_CODE));
        }
        EmployeeRole role = current.role();
        if (request.role() != null) {
            Optional<EmployeeRole> named = OfflyRoles.roleOf(request.role());
            if (named.isEmpty()) {
                own.add(new InvalidHire.Violation("role", "invalid_choice", request.role()));
            } else {
                role = named.get();
            }
        }
        if (!own.isEmpty()) {
            throw new InvalidHire(own);
        }
        Set<EmployeeEditor.Cleared> cleared = EnumSet.noneOf(EmployeeEditor.Cleared.class);
        if (patch.clearsManager() && current.managerId() != null) {
            cleared.add(EmployeeEditor.Cleared.MANAGER);
        }
        if (patch.clearsDepartment() && current.unitOrganizationId() != null) {
            cleared.add(EmployeeEditor.Cleared.UNIT_ORGANIZATION);
        }
        rights.requirePlacement(unitId != null ? unitId
                : cleared.contains(EmployeeEditor.Cleared.UNIT_ORGANIZATION) ? null : current.unitOrganizationId(),
                role == current.role() ? null : role);
        boolean coreChange = !cleared.isEmpty() || Stream.of(request.firstName(), request.lastName(), request.role(),
                request.jobTitle(), request.startDate(), managerId, unitId).anyMatch(Objects::nonNull);
        if (coreChange) {
            // A new start date moves the running journey's timers (EmployeeEditor, see README).
            editor.update(current.id(), new EmployeeChange(request.firstName(), request.lastName(), null,
                    role == current.role() ? null : role, null, request.jobTitle(), null, request.startDate(), null,
                    managerId, null, null, unitId), cleared, rights.caller().employeeId());
        }
        EmployeeProfile before = entry.profile();
        EmployeeProfile after = new EmployeeProfile(
                request.workingDays() == null ? before.workingDays() : normalized(request.workingDays()),
                request.publicHolidayCountryCode() == null ? before.publicHolidayCountryCode()
                        : countryCode(request.publicHolidayCountryCode()),
                before.avatarUrl(), before.bridgeUid(), before.hrisId(), before.department(), before.fullName(),
                before.sortableName());
        if (!after.equals(before)) {
            Instant now = Instant.now();
            entries.saveProfile(current.id(), after, now);
            audit.record("user_update", rights.caller().employeeId(), "employee", current.id(),
                    "Offly fields of %s changed".formatted(current.email()), now, offlyState(before), offlyState(after));
        }
        return response(entries.find(current.id()).orElseThrow());
    }

    @Transactional
    void delete(UUID id, Access rights) {
        DirectoryEntry entry = find(id);
        rights.changeable(entry.employee());
        if (entry.employee().id() == rights.caller().employeeId()) {
            throw new AccessDenied("You cannot archive yourself.");
        }
        archive.archive(entry.employee().id(), rights.caller().employeeId());
    }

    private DirectoryEntry find(UUID id) {
        return entries.findByUuid(id).orElseThrow(() -> new OfflyUserNotFound(id));
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
        Optional<DirectoryEntry> manager = entries.findByUuid(managerId).filter(found -> !found.archived())
                .filter(found -> !references.hides(rights.reach(), found.employee().id()));
        if (manager.isEmpty()) {
            violations.add(new InvalidHire.Violation("managerId", "unknown_reference", managerId));
        }
        return manager.map(found -> found.employee().id()).orElse(null);
    }

    private static void workingDays(List<String> days, List<InvalidHire.Violation> violations) {
        if (days != null && days.stream().anyMatch(day -> day == null || !DAYS.contains(day.trim().toLowerCase(Locale.ROOT)))) {
            violations.add(new InvalidHire.Violation("working_days", "invalid_days", days));
        }
    }

    private static List<String> normalized(List<String> days) {
        Set<String> given = new java.util.HashSet<>(days.stream().map(day -> day.trim().toLowerCase(Locale.ROOT)).toList());
        return DAYS.stream().filter(given::contains).toList();
    }

    private static String countryCode(String code) {
        return code == null || code.isBlank() ? null : code.trim().toUpperCase(Locale.ROOT);
    }

    private static Map<String, Object> offlyState(EmployeeProfile profile) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("working_days", String.join(",", profile.workingDays()));
        state.put("public_holiday_country_code", profile.publicHolidayCountryCode());
        return state;
    }

    private LocalDate today() {
        return LocalDate.now(ZoneId.of(organisation.timeZone()));
    }

    UserResponse response(DirectoryEntry entry) {
        Employee employee = entry.employee();
        UUID managerUuid = employee.managerId() == null ? null
                : entries.find(employee.managerId()).map(manager -> manager.employee().uuid()).orElse(null);
        String status = entry.archived() ? "archived"
                : employee.startDay() != null && employee.startDay().isAfter(today()) ? "pending" : "active";
        return new UserResponse(employee.uuid(), employee.email(), employee.firstName(), employee.lastName(),
                OfflyRoles.nameOf(employee.role()), status, OfflyDepartments.uuidOf(employee.unitOrganizationId()),
                managerUuid, employee.position(), employee.startDay(), entry.profile().workingDays(),
                entry.profile().publicHolidayCountryCode(), entry.profile().avatarUrl(), !entry.archived(),
                employee.createdAt(), employee.updatedAt());
    }
}
