package dev.onboardingengine.api.dialect.chiefonboarding;

import java.util.Optional;

import dev.onboardingengine.api.directory.EmployeeRole;

/**
 * ChiefOnboarding's role numbers: 0 new hire, 1 administrator, 2 manager, 3 other. ChiefOnboarding
 * has no HR or colleague role: HR reads as 2 (ChiefOnboarding's manager is its limited administrator)
 * and a colleague as 3 (no access). Written numbers map only to the four roles ChiefOnboarding knows.
 */
final class ChiefOnboardingRoles {

    private ChiefOnboardingRoles() {
    }

    static Optional<EmployeeRole> roleOf(int code) {
        return switch (code) {
            case 0 -> Optional.of(EmployeeRole.NEW_HIRE);
            case 1 -> Optional.of(EmployeeRole.ADMIN);
            case 2 -> Optional.of(EmployeeRole.MANAGER);
            case 3 -> Optional.of(EmployeeRole.OTHER);
            default -> Optional.empty();
        };
    }

    static int codeOf(EmployeeRole role) {
        return switch (role) {
            case NEW_HIRE -> 0;
            case ADMIN -> 1;
            case MANAGER, HR -> 2;
            case OTHER, COLLEAGUE -> 3;
        };
    }
}
