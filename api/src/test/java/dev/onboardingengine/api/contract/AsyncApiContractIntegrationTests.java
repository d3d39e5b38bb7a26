package dev.onboardingengine.api.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.client.RestClient;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.onboardingengine.api.ApiIntegrationTest;
import dev.onboardingengine.api.directory.Employees;
import dev.onboardingengine.workflow.events.EventTopics;
import dev.onboardingengine.workflow.testing.EngineClock;
import dev.onboardingengine.workflow.testing.TopicReader;

/**
 * The contract in docs/asyncapi.yaml is what the engine really does: records produced by a real hire
 * through the API, and a hire request as a sender writes it, conform to the JSON Schemas the document
 * references; every topic the code knows is in the document; the engine serves the document.
 */
@ApiIntegrationTest
class AsyncApiContractIntegrationTests {

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Autowired
    EventTopics topics;
    @Autowired
    org.camunda.bpm.engine.ManagementService management;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    Employees employees;
    @Autowired
    ObjectMapper objectMapper;

    private final EventSchemas schemas = EventSchemas.fromDocs();

    @Test
    void recordsProducedByARealHireConformToTheDocumentedSchemas() throws Exception {
        // Given a hire posted to the API, with the first administrator as buddy
        String email = "contract." + UUID.randomUUID() + "@example.com";
        ResponseEntity<Map<String, Object>> created = api().post().uri("/api/users/")
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"first_name":"Carla","last_name":"Contract","email":"%s","start_day":"%s",
                         "timezone":"Europe/Rome","buddy":1,"role":0}
                        """.formatted(email, LocalDate.now().plusDays(5)))
                .retrieve().toEntity(new ParameterizedTypeReference<>() {
                });
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String employeeId = String.valueOf(created.getBody().get("id"));

        // When its NewHireCreated and its journey's JourneyStatusChanged records are on their topics
        ConsumerRecord<String, String> newHire = await().atMost(EVENTUALLY).until(
                () -> first(topics.newHires(), record -> employeeId.equals(record.key())), found -> found != null);
        JsonNode newHirePayload = objectMapper.readTree(newHire.value());
        EngineClock.awaitJourneyAndRunDueJobs(management, runtime, employeeId);
        List<ConsumerRecord<String, String>> journeyEvents = await().atMost(EVENTUALLY).until(
                () -> TopicReader.records(bootstrapServers, topics.journeys()).stream()
                        .filter(record -> employeeId.equals(employeeIdOf(record)))
                        .toList(),
                found -> found.size() >= 2);

        // Then payloads and CloudEvents headers conform, and carry no field the schemas do not document
        assertConforms("new-hire-created.json", newHirePayload);
        assertThat(newHirePayload.path("buddy").path("employeeId").asLong()).isEqualTo(1L);
        assertConforms("stakeholder.json", newHirePayload.path("buddy"));
        assertConforms("cloudevents-headers.json", headersOf(newHire));
        assertThat(TopicReader.header(newHire, "ce_id")).isEqualTo(newHirePayload.path("eventId").asText());
        for (ConsumerRecord<String, String> journeyEvent : journeyEvents) {
            assertJourneyEventConforms(journeyEvent);
        }
    }

    @Test
    void actionEventsOfARealJourneyConformToTheDocumentedSchemas() throws Exception {
        // Given a hire whose Welcome sequence's moment is long past, so its action is assigned at once
        List<Map<String, Object>> sequences = api().get().uri("/api/sequences/").retrieve()
                .body(new ParameterizedTypeReference<>() {
                });
        Object welcome = sequences.stream().filter(s -> "Welcome".equals(s.get("name"))).findFirst().orElseThrow()
                .get("id");
        Map<String, Object> created = api().post().uri("/api/users/").contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"first_name":"Ada","last_name":"Action","email":"ada.%s@example.com","start_day":"2026-01-05",
                         "buddy":1,"sequences":[%s],"role":0}
                        """.formatted(UUID.randomUUID(), welcome))
                .retrieve().body(new ParameterizedTypeReference<>() {
                });
        String employeeId = String.valueOf(created.get("id"));
        EngineClock.awaitJourneyAndRunDueJobs(management, runtime, employeeId);

        // When its action is done through the API
        Map<String, Object> journeys = api().get().uri("/api/journeys/{id}", employeeId).retrieve()
                .body(new ParameterizedTypeReference<>() {
                });
        @SuppressWarnings("unchecked")
        Object actionId = ((List<Map<String, Object>>) journeys.get("actions")).get(0).get("id");
        api().post().uri("/api/actions/{id}/complete", actionId).retrieve().toBodilessEntity();

        // Then ActionAssigned and ActionCompleted are on the journeys topic, conforming, late as it was
        List<ConsumerRecord<String, String>> actionEvents = await().atMost(EVENTUALLY).until(
                () -> TopicReader.records(bootstrapServers, topics.journeys()).stream()
                        .filter(record -> employeeId.equals(employeeIdOf(record)))
                        .filter(record -> String.valueOf(TopicReader.header(record, "ce_type")).contains("action"))
                        .toList(),
                found -> found.size() >= 2);
        assertThat(actionEvents).extracting(record -> TopicReader.header(record, "ce_type")).containsExactly(
                "dev.onboardingengine.action-assigned.v1", "dev.onboardingengine.action-completed.v1");
        for (ConsumerRecord<String, String> actionEvent : actionEvents) {
            assertJourneyEventConforms(actionEvent);
            assertThat(objectMapper.readTree(actionEvent.value()).path("actionId").asText()).isEqualTo(actionId);
        }
        assertThat(objectMapper.readTree(actionEvents.get(1).value()).path("late").asBoolean()).isTrue();
    }

    /** Every event on the journeys topic, checked against the schema its ce_type names. */
    private void assertJourneyEventConforms(ConsumerRecord<String, String> journeyEvent) throws IOException {
        JsonNode payload = objectMapper.readTree(journeyEvent.value());
        String type = TopicReader.header(journeyEvent, "ce_type");
        String schema = type.replace("dev.onboardingengine.", "").replace(".v1", "") + ".json";
        assertThat(schema).isIn("journey-status-changed.json", "action-assigned.json", "action-completed.json");
        assertConforms(schema, payload);
        assertConforms("cloudevents-headers.json", headersOf(journeyEvent));
        assertThat(journeyEvent.key()).isEqualTo(payload.path("journeyId").asText());
    }

    @Test
    void theDocumentedHireRequestExampleConformsAndIsAccepted() throws Exception {
        // Given the example of the hire-request schema, made unique, with a manager that exists
        JsonNode schema = objectMapper
                .readTree(EventSchemas.repoRoot().resolve("docs/schemas/hire-request.json").toFile());
        ObjectNode request = (ObjectNode) schema.path("examples").get(0).deepCopy();
        String externalId = "WD-" + UUID.randomUUID();
        request.put("external_id", externalId);
        request.put("email", "grace." + UUID.randomUUID() + "@example.com");
        request.remove("manager_external_id");
        request.put("manager_id", 1);
        assertConforms("hire-request.json", request);

        // When it is sent as a sender would
        kafka.send(topics.hireRequests(), externalId, objectMapper.writeValueAsString(request)).get();

        // Then the engine accepts it
        await().atMost(EVENTUALLY).until(() -> employees.findByExternalId(externalId).isPresent());
        assertThat(employees.findByExternalId(externalId).orElseThrow().position()).isEqualTo("Compiler engineer");
    }

    @Test
    void theSchemaRejectsWhatTheEngineRejects() {
        ObjectNode missingEmail = objectMapper.createObjectNode().put("external_id", "X-1").put("first_name", "A")
                .put("last_name", "B");
        ObjectNode badRole = missingEmail.deepCopy().put("email", "a@example.com").put("role", "boss");

        assertThat(schemas.violations("hire-request.json", missingEmail)).isNotEmpty();
        assertThat(schemas.violations("hire-request.json", badRole)).isNotEmpty();
    }

    @Test
    void everyTopicOfTheCodeIsAChannelOfTheDocument() throws Exception {
        Set<String> addresses = channelAddresses();

        for (RecordComponent component : EventTopics.class.getRecordComponents()) {
            if (component.getType() == String.class) {
                String topic = (String) component.getAccessor().invoke(topics);
                assertThat(addresses).as("channel for EventTopics.%s", component.getName()).contains(topic);
            }
        }
        assertThat(addresses).contains(topics.deadLetterOf(topics.hireRequests()),
                topics.deadLetterOf(topics.newHires()));
    }

    @Test
    void everySchemaTheDocumentReferencesExistsAndLoads() throws IOException {
        String document = Files.readString(asyncApiFile());
        Matcher refs = Pattern.compile("\\$ref: '(schemas/[^']+)'").matcher(document);
        List<String> referenced = new ArrayList<>();
        while (refs.find()) {
            referenced.add(refs.group(1));
        }

        assertThat(referenced).contains("schemas/hire-request.json", "schemas/new-hire-created.json",
                "schemas/journey-status-changed.json", "schemas/action-assigned.json", "schemas/action-completed.json",
                "schemas/cloudevents-headers.json",
                "schemas/dead-letter-headers.json");
        for (String file : referenced) {
            assertThat(EventSchemas.repoRoot().resolve("docs").resolve(file)).isRegularFile();
            assertThat(schemas.schema(file.substring("schemas/".length()))).isNotNull();
        }
    }

    @Test
    void theEngineServesTheDocumentAndItsSchemasWithoutAToken() throws IOException {
        RestClient anonymous = RestClient.builder().baseUrl("http://localhost:" + port).build();

        ResponseEntity<String> served = anonymous.get().uri("/asyncapi.yaml").retrieve().toEntity(String.class);
        String schema = anonymous.get().uri("/schemas/hire-request.json").retrieve().body(String.class);

        assertThat(served.getHeaders().getContentType()).isNotNull()
                .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.parseMediaType("application/yaml")))
                        .isTrue());
        assertThat(served.getBody()).isEqualTo(Files.readString(asyncApiFile()));
        assertThat(schema)
                .isEqualTo(Files.readString(EventSchemas.repoRoot().resolve("docs/schemas/hire-request.json")));
    }

    private void assertConforms(String schemaFile, JsonNode instance) {
        assertThat(schemas.violations(schemaFile, instance)).as("%s against %s", instance, schemaFile).isEmpty();
        // The schemas stay open for consumers (fields may be added), so check here that none is undocumented.
        JsonNode properties = schemas.schema(schemaFile).getSchemaNode().path("properties");
        for (Iterator<String> fields = instance.fieldNames(); fields.hasNext();) {
            String field = fields.next();
            assertThat(properties.has(field)).as("field %s is documented in %s", field, schemaFile).isTrue();
        }
    }

    private String employeeIdOf(ConsumerRecord<String, String> record) {
        try {
            return objectMapper.readTree(record.value()).path("employeeId").asText();
        } catch (IOException e) {
            return null;
        }
    }

    private JsonNode headersOf(ConsumerRecord<String, String> record) {
        ObjectNode headers = objectMapper.createObjectNode();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    private ConsumerRecord<String, String> first(String topic,
            java.util.function.Predicate<ConsumerRecord<String, String>> predicate) {
        return TopicReader.records(bootstrapServers, topic).stream().filter(predicate).findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static Set<String> channelAddresses() throws IOException {
        Map<String, Object> document = new Yaml().load(Files.readString(asyncApiFile()));
        assertThat(document.get("asyncapi")).isEqualTo("3.0.0");
        Map<String, Map<String, Object>> channels = (Map<String, Map<String, Object>>) document.get("channels");
        return channels.values().stream().map(channel -> (String) channel.get("address"))
                .collect(java.util.stream.Collectors.toSet());
    }

    private static Path asyncApiFile() {
        return EventSchemas.repoRoot().resolve("docs/asyncapi.yaml");
    }

    private RestClient api() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Token " + ApiIntegrationTest.ADMIN_TOKEN).build();
    }
}
