package dev.onboardingengine.api.auth;

/**
 * Who may read the audit trail: it records changes in every unit, so only a caller whose reach is the
 * whole organisation (an administrator, HR without scopes). Nobody changes it through the API. It sits
 * in {@code auth} because {@code audit} is written by auth itself (tokens, clients) and knows no callers.
 */
public final class AuditTrailPolicy {

    private AuditTrailPolicy() {
    }

    public static void requireRead(Access rights) {
        rights.requireOrganisationWide();
    }
}
