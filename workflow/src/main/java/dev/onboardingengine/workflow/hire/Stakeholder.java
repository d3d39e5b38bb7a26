package dev.onboardingengine.workflow.hire;

import org.springframework.modulith.NamedInterface;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A person a journey involves besides the hire (buddy, manager), as the engine needs them: whom to
 * assign actions to and how to reach them. Carried by the event so the engine never reads the API's
 * directory.
 *
 * @param notifiable false for people who must never be notified (ChiefOnboarding's role "other")
 */
@NamedInterface("hire")
@JsonIgnoreProperties(ignoreUnknown = true)
public record Stakeholder(long employeeId, String firstName, String lastName, String email, String language,
        boolean notifiable) {
}
