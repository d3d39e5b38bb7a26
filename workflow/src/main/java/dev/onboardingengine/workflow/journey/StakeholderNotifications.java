package dev.onboardingengine.workflow.journey;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * What the journey needs from the notification module: telling a stakeholder about the hire outside a
 * BPMN element (a track given a new manager). The journey declares it and notification implements it, so
 * notification may read the journey's variables without the two packages depending on each other.
 */
public interface StakeholderNotifications {

    /**
     * Sends {@code template} to the journey's {@code role}, at most once per {@code dedupKey}.
     *
     * @param journey the journey's process instance (its variables name the stakeholders)
     */
    void notifyInJourney(VariableScope journey, String role, String template, String dedupKey);
}
