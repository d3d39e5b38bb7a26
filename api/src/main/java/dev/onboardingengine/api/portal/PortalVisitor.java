package dev.onboardingengine.api.portal;

import java.time.Instant;

/**
 * Whoever opened the page through a valid magic link. It deliberately holds no token, so it can be
 * logged or put in a model without leaking the credential.
 *
 * @param employeeId the one employee the link was issued for
 * @param linkExpiresAt when the link stops working
 */
public record PortalVisitor(long employeeId, Instant linkExpiresAt) {
}
