package dev.onboardingengine.api.portal;

/**
 * The token of a portal address opens nothing: wrong, unknown, expired, or its employee no longer has
 * an active journey. All of them answer the same page, so the answer tells a guesser nothing. Portal
 * controllers (see {@link PortalController}) throw it; {@link PortalErrors} renders the page.
 */
public class PortalLinkNotValid extends RuntimeException {

    public PortalLinkNotValid() {
        // No token in the message: exceptions end up in logs.
        super("Portal link not valid");
    }
}
