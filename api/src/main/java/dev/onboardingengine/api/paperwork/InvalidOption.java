package dev.onboardingengine.api.paperwork;

import java.util.List;
import java.util.stream.Collectors;

import dev.onboardingengine.api.problem.InvalidFields;
import dev.onboardingengine.api.problem.InvalidInput;

/**
 * An option of a selection list that cannot be written, with every problem found, each tied to a field
 * of {@link CollectionValue} as the domain names it ({@code label}, {@code externalId}, {@code position},
 * {@code parentId}). The dialect that edits option lists says them in its own words.
 */
public class InvalidOption extends InvalidFields {

    private final List<InvalidInput.Violation> violations;

    public InvalidOption(List<InvalidInput.Violation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.code()).collect(Collectors.joining(", ")));
        this.violations = List.copyOf(violations);
    }

    @Override
    public List<InvalidInput.Violation> fieldViolations() {
        return violations;
    }
}
