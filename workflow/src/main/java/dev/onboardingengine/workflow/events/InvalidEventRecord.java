package dev.onboardingengine.workflow.events;

/**
 * A Kafka record that can never be processed (unparseable, or missing what it must carry): it goes
 * to the topic's dead-letter topic at once, with this message as the reason, and is not retried.
 */
public class InvalidEventRecord extends RuntimeException {

    public InvalidEventRecord(String reason) {
        super(reason);
    }
}
