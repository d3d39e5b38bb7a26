package dev.onboardingengine.api.dialect.workelo;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.onboardingengine.api.directory.EmployeeRole;

/**
 * Workelo's user roles, one per {@link EmployeeRole}, with ids that never change. colleague, manager,
 * hr and admin are Workelo's own; new_hire and other are the engine's two roles Workelo lacks (a
 * person created as new_hire gets an onboarding journey; other is never notified), listed so that
 * every employee, whichever dialect created them, reads back with a role.
 *
 * @param permissions what the role may do through the API; "scoped" rights stop at the units of the
 *        caller's unit_organization_managements and every unit below them
 */
enum WorkeloRole {

    COLLEAGUE(1, "colleague", "Colleague", EmployeeRole.COLLEAGUE, List.of()), MANAGER(2, "manager", "Manager",
            EmployeeRole.MANAGER, List.of("employees.read (scoped; none without scopes)")), HR(3, "hr", "HR",
                    EmployeeRole.HR, List.of("employees.read", "employees.write",
                            "unit_organizations.write (without scopes)", "logs.read (without scopes)")), ADMIN(4,
                                    "admin", "Administrator", EmployeeRole.ADMIN,
                                    List.of("employees.read", "employees.write",
                                            "unit_organizations.write", "unit_organization_managements.write",
                                            "logs.read")), NEW_HIRE(5, "new_hire", "New hire", EmployeeRole.NEW_HIRE,
                                                    List.of()), OTHER(6, "other", "Other (never notified)",
                                                            EmployeeRole.OTHER, List.of());

    final long id;
    final String code;
    final String label;
    final EmployeeRole role;
    final List<String> permissions;

    WorkeloRole(long id, String code, String label, EmployeeRole role, List<String> permissions) {
        this.id = id;
        this.code = code;
        this.label = label;
        this.role = role;
        this.permissions = permissions;
    }

    static Optional<WorkeloRole> withId(long id) {
        return Arrays.stream(values()).filter(role -> role.id == id).findFirst();
    }

    /** By code (manager) or by id (2), as GET /employees?role= takes it. */
    static Optional<WorkeloRole> named(String codeOrId) {
        String wanted = codeOrId.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(role -> role.code.equals(wanted) || Long.toString(role.id).equals(wanted))
                .findFirst();
    }

    static WorkeloRole of(EmployeeRole role) {
        return Arrays.stream(values()).filter(candidate -> candidate.role == role).findFirst().orElseThrow();
    }
}
