package dev.onboardingengine.workflow.journey;

import java.time.LocalTime;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param processKey the BPMN process started for an onboarding
 * @param startHour local time of day, in the hire's time zone, at which the start day begins
 * @param length how long a journey runs after its start day before it closes on its own
 * @param escalateAfter how long after its due date an undone action is escalated (to the manager, or
 *     to HR for the manager's own actions)
 * @param hrEmail the HR mailbox escalations go to; empty: none are mailed
 */
@ConfigurationProperties("onboarding.journey")
public record JourneyProperties(
        @DefaultValue("journey-onboarding") String processKey,
        @DefaultValue("09:00") LocalTime startHour,
        @DefaultValue("P90D") Period length,
        @DefaultValue("P2D") Period escalateAfter,
        @DefaultValue("") String hrEmail) {
}
