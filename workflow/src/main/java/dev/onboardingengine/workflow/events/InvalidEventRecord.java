package dev.onboardingengine.workflow.events;

import java.util.List;

import org.springframework.modulith.NamedInterface;

/**
 * A Kafka record that can never be processed (unparseable, or missing what it must carry): it goes
 * to the topic's dead-letter topic at once, with this message as the reason, and is not retried.
 * When the fault lies in particular fields of the payload, they are named too, so that the sender
 * can fix them without reading logs (see {@link KafkaErrorHandling} for the headers).
 */
@NamedInterface("events")
public class InvalidEventRecord extends RuntimeException {

    private final List<String> fields;

    public InvalidEventRecord(String reason) {
        this(reason, List.of());
    }

    /** @param fields the payload's own names of the fields at fault, in the order found */
    public InvalidEventRecord(String reason, List<String> fields) {
        super(reason);
        this.fields = List.copyOf(fields);
    }

    /** The payload fields at fault; empty when the record as a whole is at fault (not JSON, say). */
    public List<String> fields() {
        return fields;
    }
}
