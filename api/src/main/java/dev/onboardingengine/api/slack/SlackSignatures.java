package dev.onboardingengine.api.slack;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signing, as its documentation "Verifying requests from Slack" gives it: the header
 * {@code X-Slack-Signature} is {@code v0=} and the hex HMAC-SHA256, keyed with the app's signing secret,
 * of {@code v0:<X-Slack-Request-Timestamp>:<raw body>}; a timestamp more than five minutes from now is
 * refused, so a captured request cannot be replayed later. (The SDK's {@code SlackSignature.Verifier}
 * does the same; its jars are not served by the registry this project builds from.)
 */
final class SlackSignatures {

    static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final String VERSION = "v0";

    private final byte[] secret;

    SlackSignatures(String signingSecret) {
        this.secret = signingSecret.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether Slack signed this body at this time, and the time is within five minutes of {@code now}. */
    boolean verify(String timestamp, String signature, byte[] body, Instant now) {
        if (timestamp == null || signature == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException notSeconds) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            return false;
        }
        byte[] expected = sign(timestamp.trim(), body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.US_ASCII));
    }

    /** The header value Slack would send; the tests sign their payloads with it too. */
    String sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((VERSION + ":" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return VERSION + "=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
