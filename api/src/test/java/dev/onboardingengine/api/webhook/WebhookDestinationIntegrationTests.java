package dev.onboardingengine.api.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import dev.onboardingengine.api.ApiIntegrationTest;

/**
 * Where deliveries may go, end to end, on loopback only: the tests' configuration allows 127.0.0.1 (where
 * the receivers listen) and nothing else, so the rest of 127.0.0.0/8 stands for every address that must
 * not be reached (private, link-local, metadata: those are checked by value in {@link DestinationRulesTests},
 * never connected to). Names resolve through {@link TestHostNames}, a DNS under the test's control.
 */
@ApiIntegrationTest
class WebhookDestinationIntegrationTests {

    private static final String REBINDING_HOST = "rebinding.webhooks.test";

    @LocalServerPort
    int port;

    @Autowired
    TestHostNames names;

    private WebhookApi api;

    @BeforeEach
    void setUp() {
        api = new WebhookApi(port);
    }

    @AfterEach
    void tearDown() {
        api.close();
        names.forget(REBINDING_HOST);
        names.forget("inside.webhooks.test");
    }

    @Test
    void aUrlWhoseAddressIsNotAllowedIsRefusedAtSubscriptionAndNothingIsSaved() {
        // Given addresses that are not allowed: a loopback literal, and a name that resolves to one
        names.answer("inside.webhooks.test", "127.0.0.3");
        int before = api.webhooks().size();

        // When they are subscribed
        ResponseEntity<Map<String, Object>> literal = api.trySubscribe("http://127.0.0.2:8081/hook",
                List.of("new-hire-created"), null);
        ResponseEntity<Map<String, Object>> named = api.trySubscribe("http://inside.webhooks.test:8081/hook",
                List.of("new-hire-created"), null);

        // Then both are a 400 naming the url and saying why, and no subscription was written
        assertThat(literal.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(literal.getBody().get("url")).asString().contains("127.0.0.2 is loopback")
                .contains("ONBOARDING_WEBHOOKS_ALLOWED_NETWORKS");
        assertThat(named.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(named.getBody().get("url")).asString()
                .contains("inside.webhooks.test resolves to 127.0.0.3, which is loopback");
        assertThat(api.webhooks()).hasSize(before);
    }

    @Test
    void aNameThatResolvesToARefusedAddressAtDeliveryIsNotConnectedTo() throws IOException {
        // Given a receiver on 127.0.0.2, an address deliveries must not reach
        int sharedPort = freePortOn("127.0.0.2");
        try (LoopbackReceiver forbidden = LoopbackReceiver.on("127.0.0.2", sharedPort,
                request -> LoopbackReceiver.Answer.ok())) {
            // And a subscription to a name that resolved to the allowed 127.0.0.1 when it was made
            names.answer(REBINDING_HOST, "127.0.0.1");
            long webhookId = WebhookApi.id(api.subscribe("http://" + REBINDING_HOST + ":" + sharedPort + "/hook",
                    List.of("new-hire-created"), null));

            // When the name is rebound to 127.0.0.2 and an event is delivered
            names.answer(REBINDING_HOST, "127.0.0.2");
            api.hire();

            // Then every attempt is refused before connecting, and the log says why
            Map<String, Object> delivery = api.awaitDelivery(webhookId, "failed");
            assertThat(delivery).containsEntry("status_code", null);
            assertThat((String) delivery.get("last_error"))
                    .contains(REBINDING_HOST + " resolves to 127.0.0.2, loopback: not allowed");
            assertThat(forbidden.received()).isEmpty();
        }
    }

    @Test
    void theLogKeepsOnlyTheStatusOfWhatAnsweredAndARedirectIsNotFollowed() throws IOException {
        // Given a receiver whose error pages talk (as the metadata service and the H2 server did), and one that
        // redirects to an address deliveries must not reach, where another receiver waits
        String banner = "H2 TCP server 2.3.232 at jdbc:h2:tcp://10.0.0.5/onboarding; token=deadbeef";
        int forbiddenPort = freePortOn("127.0.0.2");
        try (LoopbackReceiver forbidden = LoopbackReceiver.on("127.0.0.2", forbiddenPort,
                request -> LoopbackReceiver.Answer.ok());
                LoopbackReceiver talkative = LoopbackReceiver.on127001(request -> request.path().equals("/redirect")
                        ? new LoopbackReceiver.Answer(302, banner,
                                Map.of("Location", "http://127.0.0.2:" + forbiddenPort + "/stolen"))
                        : new LoopbackReceiver.Answer(500, banner))) {
            long errors = WebhookApi.id(api.subscribe(talkative.url("/error"), List.of("new-hire-created"), null));
            long redirected = WebhookApi
                    .id(api.subscribe(talkative.url("/redirect"), List.of("new-hire-created"), null));

            // When an event is delivered
            long employeeId = api.hire();

            // Then the log has the status code and a short reason, never a word of what answered
            Map<String, Object> failed = api.awaitDelivery(errors, "failed");
            assertThat(failed).containsEntry("status_code", 500).containsEntry("last_error", "HTTP 500");
            assertThat(api.deliveries(errors).toString()).doesNotContain("H2").doesNotContain("deadbeef");
            // And the redirect was an attempt that failed, not a request to where it pointed
            Map<String, Object> bounced = api.awaitDelivery(redirected, "failed");
            assertThat(bounced).containsEntry("status_code", 302)
                    .containsEntry("last_error", "HTTP 302: redirects are not followed");
            assertThat(forbidden.received()).isEmpty();
            assertThat(talkative.receivedFor(employeeId)).filteredOn(r -> r.path().equals("/redirect")).hasSize(3);
        }
    }

    private static int freePortOn(String loopbackAddress) throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(loopbackAddress), 0));
            return socket.getLocalPort();
        }
    }
}
