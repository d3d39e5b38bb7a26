package dev.onboardingengine.api.files;

import java.time.Instant;

/** An uploaded file's description (its bytes are read separately, only when asked for). */
public record StoredFile(long id, String fileName, String contentType, long size, String sha256, Instant createdAt,
        Long createdBy) {
}
