package dev.onboardingengine.workflow.action;

import org.springframework.modulith.NamedInterface;

/**
 * An action in a stakeholder's queue, with the journey and the employee it belongs to.
 *
 * @param journeyId null for a task of a process that is no journey
 * @param employeeId the journey's employee (its business key), or null
 */
@NamedInterface("action")
public record OwnedAction(Action action, Long journeyId, Long employeeId) {
}
