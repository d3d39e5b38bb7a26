package dev.onboardingengine.api.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import dev.onboardingengine.api.ApiIntegrationTest;

/** The calls the webhook tests make, as an administrator would with curl; forgets what it subscribed on {@link #close}. */
final class WebhookApi implements AutoCloseable {

    static final Duration EVENTUALLY = Duration.ofSeconds(60);
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    private final RestClient api;
    private final List<Long> subscribed = new CopyOnWriteArrayList<>();

    WebhookApi(int port) {
        this.api = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Token " + ApiIntegrationTest.ADMIN_TOKEN).build();
    }

    /** POST /api/webhooks, expected to answer 201; the subscription is deleted on {@link #close}. */
    Map<String, Object> subscribe(String url, List<String> types, String secret) {
        ResponseEntity<Map<String, Object>> created = trySubscribe(url, types, secret);
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        subscribed.add(id(created.getBody()));
        return created.getBody();
    }

    ResponseEntity<Map<String, Object>> trySubscribe(String url, List<String> types, String secret) {
        Map<String, Object> body = new HashMap<>(Map.of("url", url, "event_types", types));
        if (secret != null) {
            body.put("secret", secret);
        }
        return api.post().uri("/api/webhooks").contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .onStatus(HttpStatusCode::isError, (request, response) -> {
                }).toEntity(OBJECT);
    }

    ResponseEntity<Map<String, Object>> rotate(long webhookId, Map<String, Object> body) {
        var request = api.post().uri("/api/webhooks/{id}/rotate-secret", webhookId)
                .contentType(MediaType.APPLICATION_JSON);
        return (body == null ? request : request.body(body)).retrieve()
                .onStatus(HttpStatusCode::isError, (req, response) -> {
                }).toEntity(OBJECT);
    }

    List<Map<String, Object>> webhooks() {
        return api.get().uri("/api/webhooks").retrieve().body(LIST);
    }

    List<Map<String, Object>> deliveries(long webhookId) {
        return api.get().uri("/api/webhooks/{id}/deliveries", webhookId).retrieve().body(LIST);
    }

    Map<String, Object> awaitDelivery(long webhookId, String status) {
        return await().atMost(EVENTUALLY).until(() -> deliveries(webhookId).stream()
                .filter(d -> status.equals(d.get("status"))).findFirst().orElse(null), d -> d != null);
    }

    List<Map<String, Object>> logs(String event) {
        return api.get().uri("/logs?event={event}", event).retrieve().body(LIST);
    }

    /** A new hire through ChiefOnboarding's POST /api/users/: one NewHireCreated, then its journey's events. */
    long hire() {
        Map<String, Object> created = api.post().uri("/api/users/").contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"first_name":"Wendy","last_name":"Webhook","email":"wendy.%s@example.com",
                         "start_day":"%s","timezone":"UTC","role":0}
                        """.formatted(UUID.randomUUID(), LocalDate.now().plusDays(7)))
                .retrieve().body(OBJECT);
        return id(created);
    }

    static long id(Map<String, Object> body) {
        return ((Number) body.get("id")).longValue();
    }

    @Override
    public void close() {
        subscribed.forEach(id -> api.delete().uri("/api/webhooks/{id}", id).retrieve()
                .onStatus(HttpStatusCode::isError, (request, response) -> {
                }).toBodilessEntity());
    }
}
