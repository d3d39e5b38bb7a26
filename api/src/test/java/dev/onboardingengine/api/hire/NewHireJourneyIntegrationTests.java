package dev.onboardingengine.api.hire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import dev.onboardingengine.api.ApiIntegrationTest;
import dev.onboardingengine.workflow.testing.EngineClock;
import dev.onboardingengine.workflow.testing.TopicReader;

/**
 * The spine of the product: a hire posted to the API becomes a journey through Kafka, visible in
 * Camunda, and its timers carry it to in_progress and closed.
 */
@ApiIntegrationTest
class NewHireJourneyIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    dev.onboardingengine.workflow.administrator.EngineAdministrator engineAdministrator;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;

    @AfterEach
    void resetClock() {
        EngineClock.reset();
    }

    @Test
    void postedHireBecomesAJourneyThatTimersCarryToClosed() {
        // Given a hire starting in ten days in Berlin
        LocalDate startDay = LocalDate.now().plusDays(10);
        String email = "james." + UUID.randomUUID() + "@example.com";

        // When it is posted as ChiefOnboarding documents it
        ResponseEntity<Map<String, Object>> created = api().post().uri("/api/users/")
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"first_name":"James","last_name":"Weller","email":"%s","phone":"","position":"Technical lead",
                         "language":"en","message":"","start_day":"%s","timezone":"Europe/Berlin","role":0}
                        """.formatted(email, startDay))
                .retrieve().toEntity(new ParameterizedTypeReference<>() {
                });

        // Then it is created, with its id
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long employeeId = ((Number) created.getBody().get("id")).longValue();
        assertThat(created.getBody()).containsEntry("email", email).containsEntry("timezone", "Europe/Berlin")
                .containsEntry("start_day", startDay.toString()).containsEntry("role", 0);

        // And its journey, started through Kafka, sends the invitation (an asynchronous step) and waits for the start day
        await().atMost(Duration.ofSeconds(60)).until(() -> onlyJourney(employeeId), j -> j != null);
        EngineClock.runDueJobsOfJourney(management, runtime, Long.toString(employeeId));
        Map<String, Object> journey = onlyJourney(employeeId);
        assertThat(journey.get("status")).isEqualTo("invitation_sent");
        assertThat(statuses(journey)).containsExactly("draft", "invitation_sent");
        Instant startsAt = Instant.parse((String) journey.get("starts_at"));
        assertThat(startsAt).isEqualTo(startDay.atTime(9, 0).atZone(ZoneId.of("Europe/Berlin")).toInstant());

        // And NewHireCreated went out on its topic, keyed by employee id, as a CloudEvent
        ConsumerRecord<String, String> announced = TopicReader.records(bootstrapServers, "onboarding.new-hires")
                .stream()
                .filter(record -> Long.toString(employeeId).equals(record.key())).findFirst().orElseThrow();
        assertThat(TopicReader.header(announced, "ce_type")).isEqualTo("dev.onboardingengine.new-hire-created.v1");
        assertThat(TopicReader.header(announced, "ce_source")).isEqualTo("urn:onboarding-engine");
        assertThat(announced.value()).contains("\"email\":\"" + email + "\"");

        // And Cockpit finds it as a process instance whose business key is the employee id
        String processInstanceId = (String) journey.get("process_instance_id");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(Long.toString(employeeId))
                .processDefinitionKey("journey-onboarding").singleResult().getId()).isEqualTo(processInstanceId);

        // When Camunda's clock reaches 09:00 Berlin time on the start day
        EngineClock.moveTo(startsAt.plusSeconds(1));
        EngineClock.runDueJobs(management, processInstanceId);

        // Then the journey is in progress
        assertThat(onlyJourney(employeeId).get("status")).isEqualTo("in_progress");

        // When its end comes
        EngineClock.moveTo(Instant.parse((String) journey.get("ends_at")).plusSeconds(1));
        EngineClock.runDueJobs(management, processInstanceId);

        // Then it is closed, with every milestone in its history
        Map<String, Object> closed = onlyJourney(employeeId);
        assertThat(closed.get("status")).isEqualTo("closed");
        assertThat(statuses(closed)).containsExactly("draft", "invitation_sent", "in_progress", "closed");
    }

    @Test
    void sequencesCanBeAddedToARunningJourneyButNotToNone() {
        // Given a hire whose journey runs, and one who is not a new hire (no journey)
        Map<String, Object> hire = api().post().uri("/api/users/").contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"first_name":"Ada","last_name":"Added","email":"ada.%s@example.com","role":0}
                        """.formatted(UUID.randomUUID()))
                .retrieve().body(new ParameterizedTypeReference<>() {
                });
        Map<String, Object> colleague = api().post().uri("/api/users/").contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"first_name":"Carl","last_name":"Colleague","email":"carl.%s@example.com","role":3}
                        """.formatted(UUID.randomUUID()))
                .retrieve().body(new ParameterizedTypeReference<>() {
                });
        long employeeId = ((Number) hire.get("id")).longValue();
        await().atMost(Duration.ofSeconds(60)).until(() -> onlyJourney(employeeId), j -> j != null);
        List<Map<String, Object>> sequences = api().get().uri("/api/sequences/").retrieve()
                .body(new ParameterizedTypeReference<>() {
                });
        Object welcome = sequences.stream().filter(s -> "Welcome".equals(s.get("name"))).findFirst().orElseThrow()
                .get("id");

        // When sequences are added to each, and unknown ones to the hire
        ResponseEntity<Map<String, Object>> added = api().post().uri("/api/journeys/{id}/sequences", employeeId)
                .contentType(MediaType.APPLICATION_JSON).body("{\"sequences\":[" + welcome + "]}")
                .retrieve().toEntity(new ParameterizedTypeReference<>() {
                });
        int unknown = status(api().post().uri("/api/journeys/{id}/sequences", employeeId)
                .contentType(MediaType.APPLICATION_JSON).body("{\"sequences\":[987654]}"));
        int noJourney = status(api().post().uri("/api/journeys/{id}/sequences", colleague.get("id"))
                .contentType(MediaType.APPLICATION_JSON).body("{\"sequences\":[" + welcome + "]}"));

        // Then the running journey takes them, the others are refused with the reason
        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(added.getBody()).containsEntry("journey_id", onlyJourney(employeeId).get("id"));
        assertThat(unknown).isEqualTo(400);
        assertThat(noJourney).isEqualTo(409);
    }

    private static int status(RestClient.RequestHeadersSpec<?> request) {
        return request.exchange((req, response) -> response.getStatusCode().value());
    }

    @Test
    void engineRestApiRefusesAnonymousCallersAndAcceptsCamundaUsers() {
        RestClient engineRest = RestClient.builder().baseUrl("http://localhost:" + port + "/engine-rest").build();

        HttpStatus anonymous = engineRest.get().uri("/deployment")
                .exchange((request, response) -> HttpStatus.valueOf(response.getStatusCode().value()));
        HttpStatus admin = engineRest.get().uri("/deployment")
                .headers(h -> h.setBasicAuth("admin", dev.onboardingengine.api.ApiIntegrationTest.ADMIN_PASSWORD))
                .exchange((request, response) -> HttpStatus.valueOf(response.getStatusCode().value()));
        HttpStatus wrongPassword = engineRest.get().uri("/deployment").headers(h -> h.setBasicAuth("admin", "nope"))
                .exchange((request, response) -> HttpStatus.valueOf(response.getStatusCode().value()));
        // Camunda holds the user back for a while after a wrong password; the next tests deploy as admin.
        engineAdministrator.unlock("admin");

        assertThat(anonymous).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(wrongPassword).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(admin).isEqualTo(HttpStatus.OK);
    }

    private Map<String, Object> onlyJourney(long employeeId) {
        Map<String, Object> body = api().get().uri("/api/journeys/{id}", employeeId).retrieve()
                .body(new ParameterizedTypeReference<>() {
                });
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> journeys = (List<Map<String, Object>>) body.get("journeys");
        assertThat(journeys).hasSizeLessThanOrEqualTo(1);
        return journeys.isEmpty() ? null : journeys.get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<String> statuses(Map<String, Object> journey) {
        return ((List<Map<String, Object>>) journey.get("history")).stream().map(m -> (String) m.get("status"))
                .toList();
    }

    private RestClient api() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Token " + ApiIntegrationTest.ADMIN_TOKEN).build();
    }
}
