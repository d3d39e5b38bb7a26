package dev.onboardingengine.api.paperwork;

import java.util.Optional;

/**
 * Where a journey's form is: opened (its owner fills it), missing_validation (submitted, HR checks it),
 * done (validated, or submitted when it needs no validation; its action is complete).
 */
public enum FormStatus {

    OPENED, MISSING_VALIDATION, DONE;

    public String wireName() {
        return WireNames.of(this);
    }

    public static Optional<FormStatus> fromWireName(String name) {
        return WireNames.parse(values(), name);
    }

    /** Values may change until the form is done: its owner fills it, HR corrects it while validating. */
    public boolean editable() {
        return this != DONE;
    }
}
