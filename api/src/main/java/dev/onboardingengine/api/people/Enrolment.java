package dev.onboardingengine.api.people;

import java.util.List;

import dev.onboardingengine.api.directory.EmployeeProfile;
import dev.onboardingengine.api.hire.InvalidHire;
import dev.onboardingengine.api.hire.NewHire;

/**
 * A person to add, as a dialect translated its request: the hire, the dialect's own profile fields,
 * values for identification fields, and what the translation already found wrong.
 *
 * @param violations the translation's findings, in the dialect's field names where the field is its own
 *     and NewHire's where it is the hire's; a hire field named here is not reported a second time
 */
public record Enrolment(NewHire hire, EmployeeProfile profile, List<Identified> identifications,
        List<InvalidHire.Violation> violations) {

    public Enrolment {
        identifications = identifications == null ? List.of() : List.copyOf(identifications);
        violations = List.copyOf(violations);
    }

    /**
     * A value for an identification field that must exist already.
     *
     * @param field the field's id or code; null names none
     */
    public record Identified(String field, String value) {
    }
}
