package dev.onboardingengine.api.paperwork;

import java.time.Instant;

/**
 * One option of a list (Workelo's collection value).
 *
 * @param label what Workelo calls {@code value}: the text shown and chosen
 * @param position sort key within the list; equal positions sort by id
 * @param parentId the option of another list this one depends on (a city under its postal code), or null
 */
public record CollectionValue(long id, String resourceType, long resourceId, String label, String externalId,
        int position, Long parentId, Instant createdAt, Instant updatedAt) {
}
