package dev.onboardingengine.api.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of the audit trail.
 *
 * @param before the changed fields before the change, as a JSON object; null for a creation
 * @param after the changed fields after it, as a JSON object; null for a deletion
 */
public record AuditEntry(UUID uuid, String event, Long actorId, String subjectType, String subjectId, String summary,
        String before, String after, Instant occurredAt) {
}
