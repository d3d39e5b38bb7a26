package dev.onboardingengine.api.paperwork;

import java.time.Instant;

/**
 * A form of one journey, filled through its paperworks.
 *
 * @param actionId the Camunda user task that is this form's action
 * @param ownerId who fills it (the task's assignee when it fell due)
 * @param validatorId who validates it (the journey's HR), or null
 */
public record JourneyForm(long id, long journeyId, long employeeId, String actionId, String formKey, String name,
        FormStatus status, Long ownerId, boolean needsValidation, Long validatorId, Instant due, Instant submittedAt,
        Long submittedBy, Instant validatedAt, Long validatedBy, Instant createdAt, Instant updatedAt) {
}
