package dev.onboardingengine.api.problem;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input that cannot be accepted, with every problem found, each tied to a field as the client named
 * it. Answered as a 400 problem by every dialect (see {@link FieldProblems}).
 */
public class InvalidInput extends RuntimeException {

    private final transient List<Violation> violations;

    public InvalidInput(List<Violation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.code()).collect(Collectors.joining(", ")));
        this.violations = List.copyOf(violations);
    }

    public static InvalidInput of(String field, String code, Object rejectedValue) {
        return new InvalidInput(List.of(new Violation(field, code, rejectedValue)));
    }

    public List<Violation> violations() {
        return violations;
    }

    /**
     * @param code what is wrong: required, blank, invalid, unknown_reference, invalid_choice, duplicate, cycle
     */
    public record Violation(String field, String code, Object rejectedValue) {
    }
}
