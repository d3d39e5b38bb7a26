package dev.onboardingengine.workflow.events;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Headers;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary content mode: the event's attributes travel as
 * {@code ce_*} headers and the record value is the plain JSON payload.
 */
final class CloudEventHeaders {

    static final String SPEC_VERSION = "1.0";
    static final String SOURCE = "urn:onboarding-engine";

    private CloudEventHeaders() {
    }

    static void write(Headers headers, OnboardingEvent event, String subject) {
        put(headers, "ce_specversion", SPEC_VERSION);
        put(headers, "ce_id", event.eventId().toString());
        put(headers, "ce_source", SOURCE);
        put(headers, "ce_type", event.cloudEventType());
        put(headers, "ce_time", event.occurredAt().toString());
        put(headers, "ce_subject", subject);
        put(headers, "content-type", "application/json");
    }

    private static void put(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
