package dev.onboardingengine.api.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;

import dev.onboardingengine.api.ApiIntegrationTest;

/**
 * The engine's webhooks as a receiver written to the Standard Webhooks specification takes them: it
 * verifies each request with the specification's Java library ({@code com.standardwebhooks.Webhook},
 * what a Java receiver would run) under the one secret it holds, refuses a replayed request (a
 * {@code webhook-id} it has processed, or a signature that does not cover the timestamp it is shown),
 * and switches from the old secret to the new one during a rotation while events flow.
 */
@ApiIntegrationTest
class WebhookReceiverIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private WebhookApi api;
    private VerifyingReceiver verifier;
    private LoopbackReceiver receiver;

    /** A receiver's verdicts: the secret it holds now, and every request it accepted or refused (and why). */
    static final class VerifyingReceiver {

        final AtomicReference<String> secret = new AtomicReference<>();
        final Set<String> processedIds = ConcurrentHashMap.newKeySet();
        final List<String> refusals = new CopyOnWriteArrayList<>();
        final List<LoopbackReceiver.Received> accepted = new CopyOnWriteArrayList<>();

        LoopbackReceiver.Answer judge(LoopbackReceiver.Received request) {
            try {
                new Webhook(secret.get()).verify(request.body(), request.headers());
            } catch (WebhookVerificationException | RuntimeException e) {
                refusals.add("signature: " + e.getMessage());
                return new LoopbackReceiver.Answer(401, "");
            } catch (Exception e) {
                refusals.add("secret: " + e.getMessage());
                return new LoopbackReceiver.Answer(401, "");
            }
            // The specification's advice: remember processed ids, so a replay inside the tolerance is refused too.
            if (!processedIds.add(request.header("webhook-id"))) {
                refusals.add("replayed id " + request.header("webhook-id"));
                return new LoopbackReceiver.Answer(409, "");
            }
            accepted.add(request);
            return LoopbackReceiver.Answer.ok();
        }
    }

    @BeforeEach
    void startReceiver() {
        api = new WebhookApi(port);
        verifier = new VerifyingReceiver();
        receiver = LoopbackReceiver.on127001(verifier::judge);
    }

    @AfterEach
    void stopReceiver() {
        api.close();
        receiver.close();
    }

    @Test
    void aReceiverVerifiesEachDeliveryAndRefusesItsReplays() throws Exception {
        // Given a receiver holding the secret its subscription answered
        Map<String, Object> created = api.subscribe(receiver.url("/hooks"), List.of("new-hire-created"), null);
        verifier.secret.set((String) created.get("secret"));

        // When a hire is created, its delivery is verified and accepted
        long employeeId = api.hire();
        LoopbackReceiver.Received genuine = await().atMost(WebhookApi.EVENTUALLY).until(
                () -> verifier.accepted.stream().filter(r -> r.employeeId() == employeeId).findFirst().orElse(null),
                r -> r != null);
        assertThat(verifier.refusals).isEmpty();

        // Then an attacker who captured it and sends it again as it was is refused (the id was processed)
        assertThat(replay(genuine, Map.of())).isEqualTo(409);
        // And sending it with a fresh timestamp (what the old body-only signature let through) fails the signature
        String fresh = Long.toString(Instant.now().getEpochSecond() + 30);
        assertThat(replay(genuine, Map.of("webhook-timestamp", fresh))).isEqualTo(401);
        // And so does a fresh timestamp under a new id, which would pass the receiver's id check
        assertThat(replay(genuine, Map.of("webhook-timestamp", fresh, "webhook-id", "evt-forged"))).isEqualTo(401);
        assertThat(verifier.refusals).hasSize(3).allMatch(reason -> !reason.startsWith("secret"));
        assertThat(verifier.accepted).filteredOn(r -> r.employeeId() == employeeId).hasSize(1);
    }

    @Test
    void aRotationWhileEventsFlowNeverFailsAVerification() throws Exception {
        // Given a receiver holding the first secret, and hires being created one after another meanwhile
        Map<String, Object> created = api.subscribe(receiver.url("/hooks"), List.of("new-hire-created"), null);
        long webhookId = WebhookApi.id(created);
        String first = (String) created.get("secret");
        verifier.secret.set(first);
        ExecutorService hiring = Executors.newSingleThreadExecutor();
        List<Long> hires = new CopyOnWriteArrayList<>();
        String second;
        Future<?> flow = hiring.submit(() -> {
            for (int i = 0; i < 12; i++) {
                hires.add(api.hire());
                pause(Duration.ofMillis(400));
            }
        });
        try {
            await().atMost(WebhookApi.EVENTUALLY).until(() -> verifier.accepted.size() >= 2);

            // When the secret is rotated
            ResponseEntity<Map<String, Object>> rotated = api.rotate(webhookId, null);
            assertThat(rotated.getStatusCode()).isEqualTo(HttpStatus.OK);
            second = (String) rotated.getBody().get("secret");
            assertThat(second).startsWith("whsec_").isNotEqualTo(first);
            assertThat(Instant.parse((String) rotated.getBody().get("previous_secret_expires_at")))
                    .isBetween(Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));

            // Then deliveries carry both signatures, the old-secret receiver still verifies them, and it switches
            await().atMost(WebhookApi.EVENTUALLY).until(() -> verifier.accepted.stream()
                    .anyMatch(r -> r.header("webhook-signature").split(" ").length == 2));
            verifier.secret.set(second);
            flow.get();
            await().atMost(WebhookApi.EVENTUALLY).until(() -> hires.stream()
                    .allMatch(hire -> verifier.accepted.stream().anyMatch(r -> r.employeeId() == hire)));
        } finally {
            hiring.shutdownNow();
        }
        assertThat(verifier.refusals).as("verifications that failed").isEmpty();
        assertThat(api.deliveries(webhookId)).allSatisfy(d -> assertThat(d).containsEntry("status", "delivered"));

        // And a rotation that ends the previous secret at once signs with the new one alone
        ResponseEntity<Map<String, Object>> abrupt = api.rotate(webhookId, Map.of("previous_secret_valid_for", "PT0S"));
        assertThat(abrupt.getBody()).doesNotContainKey("previous_secret_expires_at");
        String third = (String) abrupt.getBody().get("secret");
        verifier.secret.set(third);
        long last = api.hire();
        await().atMost(WebhookApi.EVENTUALLY)
                .until(() -> verifier.accepted.stream().anyMatch(r -> r.employeeId() == last));
        assertThat(verifier.accepted.stream().filter(r -> r.employeeId() == last).findFirst().orElseThrow()
                .header("webhook-signature")).doesNotContain(" ");

        // And each rotation is in the audit trail, without the secrets
        List<Map<String, Object>> audited = api.logs("webhook_secret_rotation");
        assertThat(audited)
                .filteredOn(entry -> String.valueOf(webhookId).equals(String.valueOf(entry.get("subject_id"))))
                .hasSize(2);
        assertThat(audited.toString()).doesNotContain(second.substring(6)).doesNotContain(third.substring(6));
    }

    @Test
    void theTableHoldsNoSigningSecretInClear() {
        // Given subscriptions with a chosen secret and a generated one, the first one rotated
        String chosen = WebhookSecret.generate();
        long one = WebhookApi.id(api.subscribe(receiver.url("/one"), List.of("new-hire-created"), chosen));
        String generated = (String) api.subscribe(receiver.url("/two"), List.of("new-hire-created"), null)
                .get("secret");
        String rotated = (String) api.rotate(one, null).getBody().get("secret");

        // When the table is read as someone with the database file (or a backup) would
        List<String> columns = new ArrayList<>();
        jdbc.sql("select * from webhook_subscription").query((rs, row) -> {
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                columns.add(String.valueOf(rs.getObject(i)));
            }
            return row;
        }).list();

        // Then none of the secrets, nor their keys' base64, is there; the secret columns hold ciphertext
        for (String secret : List.of(chosen, generated, rotated)) {
            assertThat(columns).noneMatch(value -> value.contains(secret.substring(6)));
        }
        assertThat(jdbc.sql("select secret from webhook_subscription").query(String.class).list())
                .isNotEmpty().allMatch(value -> value.startsWith("v1:"));
    }

    /** Sends a captured request again, as an attacker would, with some headers changed; the receiver's status. */
    private int replay(LoopbackReceiver.Received captured, Map<String, String> changed) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(receiver.url(captured.path())))
                .POST(HttpRequest.BodyPublishers.ofString(captured.body()));
        for (String name : List.of("webhook-id", "webhook-timestamp", "webhook-signature", "Content-Type")) {
            request.header(name, changed.getOrDefault(name, captured.header(name)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
