package dev.onboardingengine.api.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.standardwebhooks.Webhook;

import dev.onboardingengine.api.ApiIntegrationTest;

/**
 * Outbound webhooks against a real HTTP server on 127.0.0.1 (allowed by the tests' configuration, see
 * {@link ApiIntegrationTest}): events reach subscribed URLs after commit with the Standard Webhooks
 * headers, verified here by the specification's own Java library ({@code Webhook.verify}), as a receiver
 * would; a failing answer is retried under the same {@code webhook-id} and delivered once; a dead
 * endpoint ends as failed in the log after the bounded attempts (three in these tests).
 */
@ApiIntegrationTest
class WebhookDeliveryIntegrationTests {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @LocalServerPort
    int port;

    private WebhookApi api;
    private LoopbackReceiver receiver;
    private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void startReceiver() {
        api = new WebhookApi(port);
        // /flaky answers 500 to the first attempt of each event, 200 afterwards.
        receiver = LoopbackReceiver.on127001(request -> request.path().equals("/flaky")
                && failedOnce.add(request.header("webhook-id"))
                        ? new LoopbackReceiver.Answer(500, "")
                        : LoopbackReceiver.Answer.ok());
    }

    @AfterEach
    void stopReceiver() {
        api.close();
        receiver.close();
    }

    @Test
    void aSubscribedUrlReceivesEachEventAfterCommitWithStandardWebhooksHeaders() {
        // Given a subscription to both event types, with a secret of the subscriber's choice
        Map<String, Object> created = api.subscribe(receiver.url("/ok"),
                List.of("new-hire-created", "journey-status-changed"),
                SECRET);
        assertThat(created).containsEntry("secret", SECRET).containsEntry("event_types",
                List.of("new-hire-created", "journey-status-changed"));

        // When a hire is created
        long employeeId = api.hire();

        // Then its NewHireCreated arrives, and the receiver's Standard Webhooks library verifies it with the secret
        LoopbackReceiver.Received hired = awaitRequest(employeeId, "dev.onboardingengine.new-hire-created.v1");
        assertThatCode(() -> new Webhook(SECRET).verify(hired.body(), hired.headers())).doesNotThrowAnyException();
        assertThat(hired.header("webhook-id")).isEqualTo(hired.header("ce-id")).isNotBlank();
        assertThat(Long.parseLong(hired.header("webhook-timestamp")))
                .isBetween(Instant.now().minusSeconds(60).getEpochSecond(), Instant.now().getEpochSecond() + 1);
        assertThat(hired.header("webhook-signature")).startsWith("v1,").doesNotContain(" ");
        // And the CloudEvents headers, the delivery id and the deprecated body-only signature are there too
        assertThat(hired.header("Content-Type")).isEqualTo("application/json");
        assertThat(hired.header("ce-specversion")).isEqualTo("1.0");
        assertThat(hired.header("ce-source")).isEqualTo("urn:onboarding-engine");
        assertThat(hired.header("X-Onboarding-Delivery")).isNotBlank();
        assertThat(hired.header("X-Onboarding-Signature")).isEqualTo(WebhookSignatures.legacy(SECRET, hired.body()));
        assertThat(hired.body()).contains("\"employeeId\":" + employeeId);

        // And so does the journey's first status change, which the engine commits after consuming the hire
        LoopbackReceiver.Received status = awaitRequest(employeeId, "dev.onboardingengine.journey-status-changed.v1");
        assertThat(status.body()).contains("\"status\":\"draft\"");
        assertThat(status.header("webhook-id")).isNotEqualTo(hired.header("webhook-id"));

        // And the secret is never answered again
        assertThat(api.webhooks()).anySatisfy(webhook -> assertThat(webhook).containsEntry("id", created.get("id"))
                .doesNotContainKey("secret"));
    }

    @Test
    void aDeliveryAnswered500IsRetriedUnderTheSameIdAndDeliveredOnce() {
        // Given a subscriber that fails the first attempt
        Map<String, Object> created = api.subscribe(receiver.url("/flaky"), List.of("new-hire-created"), null);
        long webhookId = WebhookApi.id(created);

        // When a hire is created
        long employeeId = api.hire();

        // Then the event is sent twice (500, then 200) and never after, each attempt signed for itself
        Map<String, Object> delivery = api.awaitDelivery(webhookId, "delivered");
        List<LoopbackReceiver.Received> attempts = receiver.receivedFor(employeeId);
        assertThat(attempts).hasSize(2);
        assertThat(attempts).extracting(r -> r.header("X-Onboarding-Delivery"))
                .containsOnly(delivery.get("id").toString());
        assertThat(attempts).extracting(r -> r.header("webhook-id")).containsOnly(delivery.get("event_id").toString());
        String secret = (String) created.get("secret");
        assertThat(attempts).allSatisfy(
                attempt -> assertThatCode(() -> new Webhook(secret).verify(attempt.body(), attempt.headers()))
                        .doesNotThrowAnyException());
        assertThat(delivery).containsEntry("attempts", 2).containsEntry("status_code", 200);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> receiver.receivedFor(employeeId).size() == 2);
    }

    @Test
    void aDeadEndpointEndsInTheLogAsFailedAfterTheBoundedRetries() throws IOException {
        // Given a subscription to a port nobody listens on
        long webhookId = WebhookApi
                .id(api.subscribe("http://127.0.0.1:" + closedPort() + "/hook", List.of("new-hire-created"),
                        null));

        // When a hire is created
        api.hire();

        // Then the delivery is given up after three attempts, with the last error logged
        Map<String, Object> delivery = api.awaitDelivery(webhookId, "failed");
        assertThat(delivery).containsEntry("attempts", 3).containsEntry("status_code", null);
        assertThat((String) delivery.get("last_error")).contains("ConnectException");
    }

    @Test
    void aSubscriptionWithoutAUsableUrlEventTypeOrSecretIsRefusedNamingTheFields() {
        // When a subscription names a non-HTTP URL, an unknown event type and a secret not in the whsec_ form
        ResponseEntity<Map<String, Object>> refused = api.trySubscribe("ftp://example.com/x", List.of("hire-fired"),
                "a-plain-secret-of-old");

        // Then it is a 400 naming the three fields, and nothing was subscribed
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).containsKeys("url", "event_types", "secret");
        assertThat(api.webhooks())
                .noneSatisfy(webhook -> assertThat(webhook.get("url")).isEqualTo("ftp://example.com/x"));

        // And credentials in the URL are refused too (they would be stored and logged in clear)
        ResponseEntity<Map<String, Object>> withCredentials = api.trySubscribe(
                "http://user:password@127.0.0.1:" + receiver.port() + "/ok", List.of("new-hire-created"), null);
        assertThat(withCredentials.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(withCredentials.getBody()).containsKey("url");
    }

    private LoopbackReceiver.Received awaitRequest(long employeeId, String type) {
        return await().atMost(WebhookApi.EVENTUALLY).until(() -> receiver.receivedFor(employeeId).stream()
                .filter(r -> type.equals(r.header("ce-type"))).findFirst().orElse(null), r -> r != null);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
