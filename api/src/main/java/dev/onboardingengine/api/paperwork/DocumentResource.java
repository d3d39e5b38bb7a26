package dev.onboardingengine.api.paperwork;

import java.time.Instant;

/**
 * A document HR provides, named by the key document actions use.
 *
 * @param fileId null while HR has not supplied its file yet
 */
public record DocumentResource(long id, String key, String name, DocumentType type, Long fileId, Instant createdAt,
        Instant updatedAt) {
}
