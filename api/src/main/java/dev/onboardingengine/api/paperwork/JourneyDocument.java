package dev.onboardingengine.api.paperwork;

import java.time.Instant;

/**
 * A document of one journey.
 *
 * @param fileId what the owner reads: this journey's own attachment, else the resource's file, else null
 * @param acknowledgedBy who read or signed it, with {@code acknowledgedAt}
 */
public record JourneyDocument(long id, long journeyId, long employeeId, String actionId, long resourceId, String name,
        DocumentType type, Long ownerId, Long fileId, Instant due, Instant acknowledgedAt, Long acknowledgedBy,
        Instant createdAt) {

    public DocumentStatus status() {
        if (acknowledgedAt != null) {
            return DocumentStatus.FINALIZED;
        }
        return fileId == null ? DocumentStatus.SUPPLYING : DocumentStatus.RECEIPTING;
    }
}
