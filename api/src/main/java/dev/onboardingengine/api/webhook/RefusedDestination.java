package dev.onboardingengine.api.webhook;

import java.net.ConnectException;

/**
 * A connection the address rules refused: its message is the short reason that the delivery log keeps.
 * A {@link ConnectException}, so the HTTP client treats it as the connection failure it stands for.
 */
class RefusedDestination extends ConnectException {

    RefusedDestination(String reason) {
        super(reason);
    }
}
