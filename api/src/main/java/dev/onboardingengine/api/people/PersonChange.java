package dev.onboardingengine.api.people;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.onboardingengine.api.hire.EmployeeChange;
import dev.onboardingengine.api.hire.EmployeeEditor;
import dev.onboardingengine.api.hire.InvalidHire;

/**
 * A partial change of a person, as a dialect translated it.
 *
 * @param change the hire fields to change; null leaves a field (a role equal to the current one changes nothing)
 * @param cleared references the request empties explicitly
 * @param profile profile fields to change; a null value empties one, an absent name leaves it
 * @param violations what the translation found wrong; any refuses the whole change
 */
public record PersonChange(PersonRef person, EmployeeChange change, Set<EmployeeEditor.Cleared> cleared,
        Map<String, String> profile, List<InvalidHire.Violation> violations) {

    public PersonChange {
        cleared = Set.copyOf(cleared);
        violations = List.copyOf(violations);
    }
}
