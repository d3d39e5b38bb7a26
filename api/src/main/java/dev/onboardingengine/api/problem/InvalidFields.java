package dev.onboardingengine.api.problem;

import java.util.List;

/**
 * A domain command refused for its fields, each named as the domain names it. Every dialect's advice
 * renames the fields into its own words ({@link DialectErrors}, {@link FieldProblems#renamed}).
 * <p>
 * The domain's exceptions ({@code hire.InvalidHire}) extend it, so this package, which every feature uses
 * for its errors, depends on none of them.
 */
public abstract class InvalidFields extends RuntimeException {

    protected InvalidFields(String message) {
        super(message);
    }

    /** Every violation found, in the order found, under the domain's field names. */
    public abstract List<InvalidInput.Violation> fieldViolations();
}
