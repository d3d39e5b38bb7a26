package dev.onboardingengine.workflow.events;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.modulith.NamedInterface;

/**
 * Kafka topic names.
 *
 * @param newHires NewHireCreated, keyed by employee id
 * @param journeys journey events (JourneyStatusChanged), keyed by journey id
 * @param hireRequests hire requests from other systems (HR systems, scripts), keyed by the sender's
 *     external id; read by the api module's intake
 * @param partitions partitions of the topics the engine creates itself
 */
@NamedInterface("events")
@ConfigurationProperties("onboarding.topics")
public record EventTopics(
        @DefaultValue("onboarding.new-hires") String newHires,
        @DefaultValue("onboarding.journeys") String journeys,
        @DefaultValue("onboarding.hire-requests") String hireRequests,
        @DefaultValue("3") int partitions) {

    public String deadLetterOf(String topic) {
        return topic + ".DLT";
    }
}
