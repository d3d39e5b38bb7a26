package dev.onboardingengine.api.dialect.chiefonboarding;

import dev.onboardingengine.api.auth.Caller;

/** ChiefOnboarding accepts only administrators' tokens. */
final class AdministratorsOnly {

    private AdministratorsOnly() {
    }

    static void check(Caller caller) {
        if (!caller.isAdmin()) {
            throw new NotAnAdministrator();
        }
    }

    static class NotAnAdministrator extends RuntimeException {

        NotAnAdministrator() {
            super("You do not have permission to perform this action.");
        }
    }
}
