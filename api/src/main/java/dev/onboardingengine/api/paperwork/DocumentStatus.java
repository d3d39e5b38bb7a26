package dev.onboardingengine.api.paperwork;

import java.util.Optional;

/**
 * Workelo's document statuses: supplying (no file yet, HR prepares it), receipting (available to read or
 * sign), finalized (acknowledged or signed).
 */
public enum DocumentStatus {

    SUPPLYING, RECEIPTING, FINALIZED;

    public String wireName() {
        return WireNames.of(this);
    }

    public static Optional<DocumentStatus> fromWireName(String name) {
        return WireNames.parse(values(), name);
    }
}
