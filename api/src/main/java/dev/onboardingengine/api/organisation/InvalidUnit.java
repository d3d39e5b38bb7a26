package dev.onboardingengine.api.organisation;

import java.util.List;
import java.util.stream.Collectors;

import dev.onboardingengine.api.problem.InvalidFields;
import dev.onboardingengine.api.problem.InvalidInput;

/**
 * A unit or a scope that cannot be written, with every problem found, each tied to a field as the
 * domain names it ({@link UnitChange}'s components; {@code unitOrganizationId} for a scope). The dialect
 * that shows units says them in its own words.
 */
public class InvalidUnit extends InvalidFields {

    private final List<InvalidInput.Violation> violations;

    public InvalidUnit(List<InvalidInput.Violation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.code()).collect(Collectors.joining(", ")));
        this.violations = List.copyOf(violations);
    }

    static InvalidUnit of(String field, String code, Object rejectedValue) {
        return new InvalidUnit(List.of(new InvalidInput.Violation(field, code, rejectedValue)));
    }

    @Override
    public List<InvalidInput.Violation> fieldViolations() {
        return violations;
    }
}
