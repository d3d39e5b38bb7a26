package dev.onboardingengine.api.paperwork;

import java.util.Arrays;
import java.util.Optional;

/**
 * Workelo's document statuses: supplying (no file yet, HR prepares it), receipting (available to read or
 * sign), finalized (acknowledged or signed).
 */
public enum DocumentStatus {
    SUPPLYING("supplying"), RECEIPTING("receipting"), FINALIZED("finalized");

    private final String wireName;

    DocumentStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<DocumentStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(status -> status.wireName.equals(name)).findFirst();
    }
}
