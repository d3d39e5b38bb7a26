package dev.onboardingengine.api.hire;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.onboardingengine.api.directory.EmployeeReach;
import dev.onboardingengine.api.directory.Employees;

/**
 * The one check for people named in a reference (a buddy, a manager, a track's HR): a caller may name
 * only people it could reach directly. Someone outside its reach is refused exactly as an absent person
 * is, with the dialect's {@code unknown_reference} for the field, so the answer tells nothing about who
 * exists in other units. Absence itself is left to each dialect's existence check.
 */
@Component
public class ReferenceReach {

    private final Employees employees;

    ReferenceReach(Employees employees) {
        this.employees = employees;
    }

    /** Whether this person exists but lies outside the reach (null and absent ids: false). */
    @Transactional(readOnly = true)
    public boolean hides(EmployeeReach reach, Long employeeId) {
        if (employeeId == null || reach.everyone()) {
            return false;
        }
        return employees.find(employeeId).map(person -> !reach.includes(person)).orElse(false);
    }

    /** A person named in a request: the field (as the dialect's violations name it) and the employee id, or null. */
    public record Named(String field, Long employeeId) {
    }

    /** @return an {@code unknown_reference} violation for each person the reach hides, as for an absent one */
    @Transactional(readOnly = true)
    public List<InvalidHire.Violation> hidden(EmployeeReach reach, Named... references) {
        List<InvalidHire.Violation> violations = new ArrayList<>();
        for (Named reference : references) {
            if (hides(reach, reference.employeeId())) {
                violations
                        .add(new InvalidHire.Violation(reference.field(), "unknown_reference", reference.employeeId()));
            }
        }
        return violations;
    }
}
