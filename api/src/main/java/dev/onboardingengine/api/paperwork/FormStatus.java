package dev.onboardingengine.api.paperwork;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a journey's form is: opened (its owner fills it), missing_validation (submitted, HR checks it),
 * done (validated, or submitted when it needs no validation; its action is complete).
 */
public enum FormStatus {
    OPENED("opened"), MISSING_VALIDATION("missing_validation"), DONE("done");

    private final String wireName;

    FormStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<FormStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(status -> status.wireName.equals(name)).findFirst();
    }

    /** Values may change until the form is done: its owner fills it, HR corrects it while validating. */
    public boolean editable() {
        return this != DONE;
    }
}
