package dev.onboardingengine.api.portal;

import java.time.Instant;

import dev.onboardingengine.api.directory.EmployeeReach;

/**
 * Whoever opened the page through a valid magic link. It deliberately holds no token, so it can be
 * logged or put in a model without leaking the credential.
 *
 * @param employeeId the one employee the link was issued for
 * @param linkExpiresAt when the link stops working
 * @param reach whose journeys the link shows and completes: the reach of whoever issued it
 */
public record PortalVisitor(long employeeId, Instant linkExpiresAt, EmployeeReach reach) {

    /** A visitor of a link issued without bounds (by an administrator, unscoped HR, or the engine). */
    public PortalVisitor(long employeeId, Instant linkExpiresAt) {
        this(employeeId, linkExpiresAt, EmployeeReach.EVERYONE);
    }
}
