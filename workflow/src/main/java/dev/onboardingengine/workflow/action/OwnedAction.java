package dev.onboardingengine.workflow.action;

/**
 * An action in a stakeholder's queue, with the journey and the employee it belongs to.
 *
 * @param journeyId null for a task of a process that is no journey
 * @param employeeId the journey's employee (its business key), or null
 */
public record OwnedAction(Action action, Long journeyId, Long employeeId) {
}
