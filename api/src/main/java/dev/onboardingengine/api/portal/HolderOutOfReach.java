package dev.onboardingengine.api.portal;

/**
 * A magic link was asked for someone whose every active journey and open action lies outside the
 * issuer's reach: the link would open only what the issuer may not see. Callers answer it as they answer
 * an unknown person, so the refusal tells nothing about the other units.
 */
public class HolderOutOfReach extends RuntimeException {

    HolderOutOfReach(long employeeId) {
        super("Employee " + employeeId + " acts only in journeys outside the issuer's reach");
    }
}
