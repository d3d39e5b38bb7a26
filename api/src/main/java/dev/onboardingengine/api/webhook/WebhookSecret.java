package dev.onboardingengine.api.webhook;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * A signing secret in the Standard Webhooks form, {@code whsec_<base64 of the key>}: receivers' libraries
 * take it as it is. Generated secrets hold 32 random bytes; one chosen by the subscriber must hold 24 to
 * 64 (the specification's range).
 */
final class WebhookSecret {

    static final String PREFIX = "whsec_";
    private static final int GENERATED_BYTES = 32;
    private static final int MIN_BYTES = 24;
    private static final int MAX_BYTES = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecret() {
    }

    static String generate() {
        byte[] key = new byte[GENERATED_BYTES];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** What is wrong with a secret a subscriber chose, as the message for the {@code secret} field. */
    static Optional<String> problemWith(String secret) {
        if (!secret.startsWith(PREFIX)) {
            return Optional.of("A secret in the Standard Webhooks form is required: whsec_ and the base64 of "
                    + MIN_BYTES + " to " + MAX_BYTES + " random bytes (or leave it out to have one generated).");
        }
        try {
            int length = key(secret).length;
            if (length < MIN_BYTES || length > MAX_BYTES) {
                return Optional.of("The key after whsec_ holds " + length + " bytes: " + MIN_BYTES + " to " + MAX_BYTES
                        + " are required.");
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("The part after whsec_ is not base64.");
        }
    }

    /** The HMAC key: the bytes the base64 after the prefix spells. */
    static byte[] key(String secret) {
        return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    }

    /**
     * A secret stored before secrets took the whsec_ form (any string of 16+ characters, used as the HMAC
     * key as UTF-8): the same key in the new form, so receivers that verify the old header keep working.
     */
    static String fromLegacy(String legacy) {
        return PREFIX + Base64.getEncoder().encodeToString(legacy.getBytes(StandardCharsets.UTF_8));
    }
}
