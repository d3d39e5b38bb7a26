package dev.onboardingengine.api.portal;

import java.time.Instant;

/**
 * A magic link as given to whoever asked for it: the only place its token ever appears.
 *
 * @param url the page's address, {@code <public url>/portal/<token>}
 * @param expiresAt after this the link answers like a wrong one
 */
public record IssuedLink(String url, Instant expiresAt) {
}
