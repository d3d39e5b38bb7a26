package dev.onboardingengine.api.hire;

import java.util.List;
import java.util.stream.Collectors;

import dev.onboardingengine.api.problem.InvalidFields;
import dev.onboardingengine.api.problem.InvalidInput;

/** A hire that cannot be accepted, with every problem found, each tied to a field of {@link NewHire}. */
public class InvalidHire extends InvalidFields {

    private final List<Violation> violations;

    public InvalidHire(List<Violation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.code()).collect(Collectors.joining(", ")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    @Override
    public List<InvalidInput.Violation> fieldViolations() {
        return violations.stream().map(v -> new InvalidInput.Violation(v.field(), v.code(), v.rejectedValue()))
                .toList();
    }

    /**
     * @param field a component name of {@link NewHire}
     * @param code what is wrong: required, blank, invalid, unknown_reference, invalid_choice, duplicate
     * @param rejectedValue the value as given, for the message
     */
    public record Violation(String field, String code, Object rejectedValue) {
    }
}
