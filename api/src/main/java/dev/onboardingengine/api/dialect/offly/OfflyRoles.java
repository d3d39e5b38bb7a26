package dev.onboardingengine.api.dialect.offly;

import java.util.Locale;
import java.util.Optional;

import dev.onboardingengine.api.directory.EmployeeRole;

/**
 * Offly's role names. Offly's {@code owner} is the engine's administrator (written as {@code admin});
 * an Offly {@code employee} is a new hire, who gets an onboarding journey; the engine's other roles
 * keep their own names.
 */
final class OfflyRoles {

    private OfflyRoles() {
    }

    static Optional<EmployeeRole> roleOf(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "owner", "admin" -> Optional.of(EmployeeRole.ADMIN);
            case "employee", "new_hire" -> Optional.of(EmployeeRole.NEW_HIRE);
            case "manager" -> Optional.of(EmployeeRole.MANAGER);
            case "hr" -> Optional.of(EmployeeRole.HR);
            case "colleague" -> Optional.of(EmployeeRole.COLLEAGUE);
            case "other" -> Optional.of(EmployeeRole.OTHER);
            default -> Optional.empty();
        };
    }

    static String nameOf(EmployeeRole role) {
        return switch (role) {
            case ADMIN -> "admin";
            case NEW_HIRE -> "employee";
            case MANAGER -> "manager";
            case HR -> "hr";
            case COLLEAGUE -> "colleague";
            case OTHER -> "other";
        };
    }
}
