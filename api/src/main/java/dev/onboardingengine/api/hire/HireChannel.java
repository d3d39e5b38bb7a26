package dev.onboardingengine.api.hire;

/** Where a hire came from: a tag of the {@code onboarding.hires.received} metric and of the audit entry. */
public enum HireChannel {

    /** any REST dialect */
    REST,
    /** the hire-requests topic */
    KAFKA;

    String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
