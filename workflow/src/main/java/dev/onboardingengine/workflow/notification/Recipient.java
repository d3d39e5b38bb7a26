package dev.onboardingengine.workflow.notification;

import org.camunda.bpm.engine.delegate.VariableScope;

import dev.onboardingengine.workflow.journey.JourneyVariables;

/**
 * One stakeholder of a journey, as its {@code <role>*} process variables describe them.
 *
 * @param notifiable false for people who must never be mailed (ChiefOnboarding's role "other", or a role
 *        nobody fills)
 */
record Recipient(String role, String email, String firstName, String lastName, String language, boolean notifiable) {

    static Recipient of(VariableScope journey, String role) {
        if (!JourneyVariables.STAKEHOLDER_ROLES.contains(role)) {
            throw new IllegalArgumentException(
                    "Not a stakeholder role: '" + role + "'; expected one of " + JourneyVariables.STAKEHOLDER_ROLES);
        }
        // Only an explicit true: a journey that predates the variable mails nobody rather than the wrong people.
        boolean notifiable = Boolean.TRUE.equals(journey.getVariable(role + "Notify"));
        return new Recipient(role, text(journey, role + "Email"), text(journey, role + "FirstName"),
                text(journey, role + "LastName"), text(journey, role + "Language"), notifiable);
    }

    boolean reachable() {
        return notifiable && email != null && !email.isBlank();
    }

    private static String text(VariableScope journey, String name) {
        Object value = journey.getVariable(name);
        return value == null ? null : value.toString();
    }
}
