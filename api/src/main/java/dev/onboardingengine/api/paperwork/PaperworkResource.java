package dev.onboardingengine.api.paperwork;

import java.time.Instant;

/** A field that forms share (Workelo's paperwork resource), named by its Camunda Forms key. */
public record PaperworkResource(long id, String key, String label, ResourceType type, Instant createdAt) {
}
