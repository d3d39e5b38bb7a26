package dev.onboardingengine.api.hire;

import java.util.List;

import dev.onboardingengine.api.directory.Employee;

/**
 * What became of a hire request that names the sender's external id.
 *
 * @param employee the employee as stored now
 * @param changedFields the {@link NewHire} fields an update changed; empty for a creation and for an
 *     update that changed nothing
 */
public record HireReceipt(Employee employee, Outcome outcome, List<String> changedFields) {

    public HireReceipt {
        changedFields = List.copyOf(changedFields);
    }

    public enum Outcome {
        /** a new employee, with a NewHireCreated event (and so a journey) when the role is new hire */
        CREATED,
        /** an existing employee with the same external id, updated; no new journey */
        UPDATED,
        /** a re-sent request identical to what is stored: nothing written */
        UNCHANGED
    }
}
