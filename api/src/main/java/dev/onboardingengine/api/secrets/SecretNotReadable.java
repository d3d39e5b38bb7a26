package dev.onboardingengine.api.secrets;

/** A stored secret that none of the configured keys decrypts (a lost or missing key, or a damaged value). */
public class SecretNotReadable extends RuntimeException {

    SecretNotReadable(String message) {
        super(message);
    }
}
