package dev.onboardingengine.api.auth;

import dev.onboardingengine.api.directory.EmployeeRole;

/** Who is calling the API: the employee an API token belongs to. */
public record Caller(long employeeId, String email, EmployeeRole role) {

    public static final String REQUEST_ATTRIBUTE = "dev.onboardingengine.api.auth.Caller";

    public boolean isAdmin() {
        return role == EmployeeRole.ADMIN;
    }
}
