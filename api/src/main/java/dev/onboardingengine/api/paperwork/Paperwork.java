package dev.onboardingengine.api.paperwork;

import java.time.Instant;

/**
 * One field of one journey's form and its value.
 *
 * @param value the text, the date (YYYY-MM-DD), the chosen option's label as it was when chosen, or the
 *     file's name; null while empty
 * @param collectionValueId the chosen option, for a selection
 * @param fileId the uploaded file, for a file
 */
public record Paperwork(long id, long formId, long resourceId, String key, String label, ResourceType type,
        boolean required, Integer maxLength, String value, Long collectionValueId, Long fileId, Instant updatedAt,
        Long updatedBy) {

    public boolean filled() {
        return value != null && !value.isBlank();
    }
}
