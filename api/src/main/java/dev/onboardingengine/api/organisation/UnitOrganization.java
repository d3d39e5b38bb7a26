package dev.onboardingengine.api.organisation;

import java.time.Instant;

/** A unit of the organisation (a division, a department, a site), placed in the tree by its parent. */
public record UnitOrganization(long id, String externalId, String name, long levelOrganizationId, Long parentId,
        String language, Instant createdAt, Instant updatedAt) {
}
