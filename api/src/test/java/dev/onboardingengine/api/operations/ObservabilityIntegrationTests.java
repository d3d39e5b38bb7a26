package dev.onboardingengine.api.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import dev.onboardingengine.api.ApiIntegrationTest;

/** Operators see the broker and the outbox in Actuator's health, and the intake and journeys in Prometheus. */
@ApiIntegrationTest
class ObservabilityIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void healthShowsTheBrokerAndTheOutboxBacklog() {
        Map<String, Object> health = actuator().get().uri("/actuator/health")
                .retrieve().body(new ParameterizedTypeReference<>() {
                });

        assertThat(component(health, "broker")).containsEntry("status", "UP");
        assertThat(details(health, "broker")).containsKeys("clusterId", "nodes");
        assertThat(component(health, "outbox")).containsEntry("status", "UP");
        assertThat(details(health, "outbox")).containsKeys("pending", "oldestPendingAge", "maxAge", "maxPending");
    }

    @Test
    void prometheusCountsHiresByChannelJourneysStartedAndTheOutboxBacklog() {
        // Given a hire through the API, whose journey starts
        RestClient api = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Token " + ApiIntegrationTest.ADMIN_TOKEN).build();
        api.post().uri("/api/users/").contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"first_name":"Mia","last_name":"Metrics","email":"mia.%s@example.com","role":0}
                        """.formatted(UUID.randomUUID()))
                .retrieve().toBodilessEntity();

        // Then Prometheus sees the hire by channel, the journey, and the outbox gauge
        String scraped = await().atMost(Duration.ofSeconds(60)).until(this::scrape,
                text -> text.contains("onboarding_journeys_started_total"));
        assertThat(scraped).contains("onboarding_hires_received_total{channel=\"rest\",outcome=\"created\"}");
        assertThat(scraped).contains("onboarding_outbox_pending ");
        assertThat(scraped).contains("onboarding_outbox_oldest_age_seconds ");
    }

    private String scrape() {
        return actuator().get().uri("/actuator/prometheus").retrieve().body(String.class);
    }

    /** Actuator takes an administrator's token (see ActuatorSurfaceIntegrationTests). */
    private RestClient actuator() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Token " + ApiIntegrationTest.ADMIN_TOKEN).build();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> component(Map<String, Object> health, String name) {
        return (Map<String, Object>) ((Map<String, Object>) health.get("components")).get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(Map<String, Object> health, String name) {
        return (Map<String, Object>) component(health, name).get("details");
    }
}
