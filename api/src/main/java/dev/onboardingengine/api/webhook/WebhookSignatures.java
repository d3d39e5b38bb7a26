package dev.onboardingengine.api.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;

/**
 * The signature headers of one attempt. {@code webhook-signature} is the Standard Webhooks one, made by
 * its Java library: {@code v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">} per
 * secret, space-separated (the current secret first, then the previous one during a rotation), so a
 * receiver holding either verifies. {@code X-Onboarding-Signature} is the deprecated GitHub-style
 * header of earlier versions ({@code sha256=<hex HMAC of the body>}, current secret only): kept so that
 * receivers written for it still work, though it does not cover the timestamp and so cannot stop a replay.
 */
final class WebhookSignatures {

    static final String LEGACY_HEADER = "X-Onboarding-Signature";

    private WebhookSignatures() {
    }

    /** {@code webhook-signature} for {@code secrets} (current first), at {@code timestamp} in epoch seconds. */
    static String standard(List<String> secrets, String webhookId, long timestamp, String body) {
        return secrets.stream().map(secret -> sign(secret, webhookId, timestamp, body))
                .collect(Collectors.joining(" "));
    }

    static String legacy(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(WebhookSecret.key(secret), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String sign(String secret, String webhookId, long timestamp, String body) {
        try {
            return new Webhook(secret).sign(webhookId, timestamp, body);
        } catch (EmptyWebhookSecretException | WebhookSigningException e) {
            throw new IllegalStateException("Cannot sign with a stored webhook secret: " + e.getMessage(), e);
        }
    }
}
