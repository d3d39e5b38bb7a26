package dev.onboardingengine.api.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;

/**
 * Signatures as Standard Webhooks receivers check them: the specification's published test vector
 * (secret {@code whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw}, id {@code msg_p5jXN8AQM9LWM0D4loKWxJek},
 * timestamp 1614265330, body {@code {"test": 2432232314}}), and what its Java library's
 * {@code Webhook.verify} (the receiver's side) accepts and refuses of what we sign.
 */
class StandardWebhooksSignatureTests {

    private static final String VECTOR_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String VECTOR_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long VECTOR_TIMESTAMP = 1614265330L;
    private static final String VECTOR_BODY = "{\"test\": 2432232314}";
    private static final String VECTOR_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void signsTheSpecificationsTestVectorExactly() throws Exception {
        // When the vector is signed as a delivery is
        String signature = WebhookSignatures.standard(List.of(VECTOR_SECRET), VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_BODY);

        // Then it is the published signature, as the library itself computes it
        assertThat(signature).isEqualTo(VECTOR_SIGNATURE);
        assertThat(new Webhook(VECTOR_SECRET).sign(VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_BODY))
                .isEqualTo(VECTOR_SIGNATURE);
    }

    @Test
    void duringARotationEitherSecretVerifiesAndNoOtherDoes() throws Exception {
        // Given a delivery signed now with the new and the previous secret
        String current = WebhookSecret.generate();
        String previous = WebhookSecret.generate();
        long now = Instant.now().getEpochSecond();
        Map<String, List<String>> headers = headers("evt-1", now,
                WebhookSignatures.standard(List.of(current, previous), "evt-1", now, VECTOR_BODY));

        // Then the header holds both signatures, and a receiver with either secret verifies it
        assertThat(headers.get("webhook-signature").get(0).split(" ")).hasSize(2).allMatch(s -> s.startsWith("v1,"));
        assertThatCode(() -> new Webhook(current).verify(VECTOR_BODY, headers)).doesNotThrowAnyException();
        assertThatCode(() -> new Webhook(previous).verify(VECTOR_BODY, headers)).doesNotThrowAnyException();
        assertThatThrownBy(() -> new Webhook(WebhookSecret.generate()).verify(VECTOR_BODY, headers))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("No matching signature");
    }

    @Test
    void aReplayWithAFreshTimestampOrAnOldOneIsRefusedByTheReceiversLibrary() throws Exception {
        // Given a delivery signed now
        String secret = WebhookSecret.generate();
        long now = Instant.now().getEpochSecond();
        String signature = WebhookSignatures.standard(List.of(secret), "evt-2", now, VECTOR_BODY);

        // When it is replayed with a fresh timestamp, the signature no longer matches (the timestamp is signed)
        assertThatThrownBy(() -> new Webhook(secret).verify(VECTOR_BODY, headers("evt-2", now + 60, signature)))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("No matching signature");
        // And a request signed six minutes ago is beyond the five-minute tolerance
        long old = now - 360;
        assertThatThrownBy(() -> new Webhook(secret).verify(VECTOR_BODY,
                headers("evt-2", old, WebhookSignatures.standard(List.of(secret), "evt-2", old, VECTOR_BODY))))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("too old");
        // And the body cannot change either
        assertThatThrownBy(() -> new Webhook(secret).verify("{\"test\": 1}", headers("evt-2", now, signature)))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void theDeprecatedHeaderIsTheHmacOfTheBodyWithTheSameKey() throws Exception {
        // Given a secret stored by an earlier version (any 16+ characters, the HMAC key as UTF-8)
        String legacy = "an-old-secret-of-my-choice";

        // When it is carried over to the whsec_ form
        String migrated = WebhookSecret.fromLegacy(legacy);

        // Then the deprecated header is what earlier versions sent, and the Standard Webhooks key is the same bytes
        assertThat(WebhookSignatures.legacy(migrated, VECTOR_BODY)).isEqualTo("sha256=" + hmacHex(legacy, VECTOR_BODY));
        assertThat(WebhookSecret.key(migrated)).isEqualTo(legacy.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void generatedSecretsHoldThirtyTwoRandomBytesAndChosenOnesMustBeInTheStandardForm() {
        // When secrets are generated
        String one = WebhookSecret.generate();
        String two = WebhookSecret.generate();

        // Then they are whsec_ and 32 bytes, never twice the same, and acceptable as chosen secrets
        assertThat(one).startsWith("whsec_").isNotEqualTo(two);
        assertThat(WebhookSecret.key(one)).hasSize(32);
        assertThat(WebhookSecret.problemWith(one)).isEmpty();
        // And a plain string, a short key or one that is not base64 are refused, saying why
        assertThat(WebhookSecret.problemWith("a-long-enough-plain-secret")).get().asString().contains("whsec_");
        assertThat(WebhookSecret.problemWith("whsec_" + Base64.getEncoder().encodeToString(new byte[16])))
                .get().asString().contains("16 bytes");
        assertThat(WebhookSecret.problemWith("whsec_not*base64")).get().asString().contains("not base64");
    }

    private static Map<String, List<String>> headers(String id, long timestamp, String signature) {
        return Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(Long.toString(timestamp)),
                "webhook-signature", List.of(signature));
    }

    private static String hmacHex(String key, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
