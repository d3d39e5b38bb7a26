package dev.onboardingengine.api.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import com.sun.net.httpserver.HttpServer;

import dev.onboardingengine.api.ApiIntegrationTest;

/**
 * Outbound webhooks against a real HTTP server on 127.0.0.1: events reach subscribed URLs after commit,
 * signed; a failing answer is retried and delivered once; a dead endpoint ends as failed in the log
 * after the bounded attempts (three in these tests, see {@link ApiIntegrationTest}).
 */
@ApiIntegrationTest
class WebhookDeliveryIntegrationTests {

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    private static final String SECRET = "s3cret-for-signing-" + UUID.randomUUID();

    @LocalServerPort
    int port;

    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();
    private final List<Long> subscriptions = new CopyOnWriteArrayList<>();

    record Received(String path, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Received request = new Received(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()),
                    body);
            received.add(request);
            // /flaky answers 500 to the first attempt of each event, 200 afterwards.
            boolean fail = request.path().equals("/flaky") && failedOnce.add(request.header("ce-id"));
            exchange.sendResponseHeaders(fail ? 500 : 200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        subscriptions.forEach(id -> api().delete().uri("/api/webhooks/{id}", id).retrieve().toBodilessEntity());
        receiver.stop(0);
    }

    @Test
    void aSubscribedUrlReceivesEachEventAfterCommitSignedWithItsSecret() throws Exception {
        // Given a subscription to both event types, with a secret of the subscriber's choice
        Map<String, Object> created = subscribe("/ok", List.of("new-hire-created", "journey-status-changed"), SECRET);
        assertThat(created).containsEntry("secret", SECRET).containsEntry("event_types",
                List.of("new-hire-created", "journey-status-changed"));

        // When a hire is created
        long employeeId = hire();

        // Then its NewHireCreated arrives, signed over the body with the secret, with CloudEvents and delivery headers
        Received hired = awaitRequest("/ok", employeeId, "dev.onboardingengine.new-hire-created.v1");
        assertThat(hired.header("X-Onboarding-Signature")).isEqualTo("sha256=" + hmac(SECRET, hired.body()));
        assertThat(hired.header("X-Onboarding-Signature")).isNotEqualTo("sha256=" + hmac("another secret", hired.body()));
        assertThat(hired.header("Content-Type")).isEqualTo("application/json");
        assertThat(hired.header("ce-id")).isNotBlank();
        assertThat(hired.header("X-Onboarding-Delivery")).isNotBlank();
        assertThat(Instant.parse(hired.header("X-Onboarding-Timestamp"))).isBefore(Instant.now().plusSeconds(1));
        assertThat(hired.body()).contains("\"employeeId\":" + employeeId);

        // And so does the journey's first status change, which the engine commits after consuming the hire
        Received status = awaitRequest("/ok", employeeId, "dev.onboardingengine.journey-status-changed.v1");
        assertThat(status.body()).contains("\"status\":\"draft\"");

        // And the secret is never answered again
        List<Map<String, Object>> listed = api().get().uri("/api/webhooks").retrieve().body(new ParameterizedTypeReference<>() { });
        assertThat(listed).anySatisfy(webhook -> assertThat(webhook).containsEntry("id", created.get("id"))
                .doesNotContainKey("secret"));
    }

    @Test
    void aDeliveryAnswered500IsRetriedAndDeliveredOnce() {
        // Given a subscriber that fails the first attempt
        long webhookId = id(subscribe("/flaky", List.of("new-hire-created"), null));

        // When a hire is created
        long employeeId = hire();

        // Then the event is sent twice (500, then 200) and never after, and the log says so
        Map<String, Object> delivery = awaitDelivery(webhookId, "delivered");
        List<Received> attempts = requestsFor("/flaky", employeeId);
        assertThat(attempts).hasSize(2);
        assertThat(attempts).extracting(r -> r.header("X-Onboarding-Delivery")).containsOnly(delivery.get("id").toString());
        assertThat(delivery).containsEntry("attempts", 2).containsEntry("status_code", 200);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> requestsFor("/flaky", employeeId).size() == 2);
    }

    @Test
    void aDeadEndpointEndsInTheLogAsFailedAfterTheBoundedRetries() throws IOException {
        // Given a subscription to a port nobody listens on
        long webhookId = id(subscribe("http://127.0.0.1:" + closedPort() + "/hook", List.of("new-hire-created"), null));

        // When a hire is created
        hire();

        // Then the delivery is given up after three attempts, with the last error logged
        Map<String, Object> delivery = awaitDelivery(webhookId, "failed");
        assertThat(delivery).containsEntry("attempts", 3).containsEntry("status_code", null);
        assertThat((String) delivery.get("last_error")).contains("ConnectException");
    }

    @Test
    void aSubscriptionWithoutAUsableUrlOrEventTypeIsRefusedNamingTheFields() {
        // When a subscription names a non-HTTP URL and an unknown event type
        ResponseEntity<Map<String, Object>> refused = api().post().uri("/api/webhooks").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("url", "ftp://example.com/x", "event_types", List.of("hire-fired")))
                .retrieve().onStatus(HttpStatusCode::isError, (request, response) -> { })
                .toEntity(new ParameterizedTypeReference<>() { });

        // Then it is a 400 naming both fields
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).containsKeys("url", "event_types");
    }

    private Map<String, Object> subscribe(String pathOrUrl, List<String> types, String secret) {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl
                : "http://127.0.0.1:" + receiver.getAddress().getPort() + pathOrUrl;
        Map<String, Object> body = new java.util.HashMap<>(Map.of("url", url, "event_types", types));
        if (secret != null) {
            body.put("secret", secret);
        }
        ResponseEntity<Map<String, Object>> created = api().post().uri("/api/webhooks").contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().toEntity(new ParameterizedTypeReference<>() { });
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        subscriptions.add(id(created.getBody()));
        return created.getBody();
    }

    private long hire() {
        Map<String, Object> created = api().post().uri("/api/users/").contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"first_name":"Wendy","last_name":"Webhook","email":"wendy.%s@example.com",
                         "start_day":"%s","timezone":"UTC","role":0}
                        """.formatted(UUID.randomUUID(), LocalDate.now().plusDays(7)))
                .retrieve().body(new ParameterizedTypeReference<>() { });
        return id(created);
    }

    private Received awaitRequest(String path, long employeeId, String type) {
        return await().atMost(EVENTUALLY).until(() -> requestsFor(path, employeeId).stream()
                .filter(r -> type.equals(r.header("ce-type"))).findFirst().orElse(null), r -> r != null);
    }

    private List<Received> requestsFor(String path, long employeeId) {
        // Other tests' events reach these subscriptions too while they exist: only this hire's count.
        return received.stream().filter(r -> r.path().equals(path))
                .filter(r -> r.body().contains("\"employeeId\":" + employeeId + ",")).toList();
    }

    private Map<String, Object> awaitDelivery(long webhookId, String status) {
        return await().atMost(EVENTUALLY).until(() -> api().get().uri("/api/webhooks/{id}/deliveries", webhookId)
                .retrieve().body(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).stream()
                .filter(d -> status.equals(d.get("status"))).findFirst().orElse(null), d -> d != null);
    }

    private static String hmac(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static long id(Map<String, Object> body) {
        return ((Number) body.get("id")).longValue();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private RestClient api() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Token " + ApiIntegrationTest.ADMIN_TOKEN).build();
    }
}
