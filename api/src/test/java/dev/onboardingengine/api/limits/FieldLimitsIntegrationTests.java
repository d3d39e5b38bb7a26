package dev.onboardingengine.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.onboardingengine.api.ApiIntegrationTest;
import dev.onboardingengine.api.RawHttp;
import dev.onboardingengine.api.RawHttp.Answer;

/**
 * Every string field of every dialect's create and update requests, sent 301, 2,000 and 1,000,000
 * characters long (beyond every limit of these fields): a 4xx naming the field, and nothing written
 * (employee, unit, audit entry and identification counts unchanged, no new outbox event). Before, most of these reached the database
 * and were 500 "value too long for column". The documented limits themselves are accepted.
 */
@ApiIntegrationTest
class FieldLimitsIntegrationTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Just past the longest documented limit (300), and far past it. */
    private static final int[] LENGTHS = {301, 2_000, 1_000_000};

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    /** One request shape: where it goes, a valid body, the string fields to stretch. */
    record Shape(String name, String method, Supplier<String> path, Supplier<Map<String, Object>> body,
            List<String> fields,
            boolean bridgeList) {
    }

    @Test
    void everyStringFieldBeyondItsLimitIsA4xxNamingItAndNothingIsWritten() throws Exception {
        RawHttp http = new RawHttp(port);
        String offlyUser = (String) http.asAdmin("POST", "/api/v1/users", json(person("offly"))).json().get("id");
        Object workeloEmployee = http.asAdmin("POST", "/employees", json(person("workelo"))).json().get("id");
        Object unit = http.asAdmin("POST", "/unit_organizations", json(unit())).json().get("id");
        List<Shape> shapes = List.of(
                new Shape("chiefonboarding create", "POST", () -> "/api/users/", () -> person("chiefonboarding"),
                        List.of("first_name", "last_name", "email", "phone", "position", "language", "timezone"),
                        false),
                new Shape("offly create", "POST", () -> "/api/v1/users", () -> person("offly"),
                        List.of("first_name", "last_name", "email", "job_title", "public_holiday_country_code", "role"),
                        false),
                new Shape("offly update", "PATCH", () -> "/api/v1/users/" + offlyUser, LinkedHashMap::new,
                        List.of("first_name", "last_name", "job_title", "public_holiday_country_code", "role"), false),
                new Shape("bridge create", "POST", () -> "/api/admin/users", () -> person("bridge"),
                        List.of("uid", "first_name", "last_name", "email", "locale", "job_title", "hris_id",
                                "manager_id"),
                        true),
                new Shape("workelo create", "POST", () -> "/employees", () -> person("workelo"),
                        List.of("first_name", "last_name", "email", "job_position", "external_id", "time_zone",
                                "language",
                                "phone"),
                        false),
                new Shape("workelo update", "PUT", () -> "/employees/" + workeloEmployee, () -> person("workelo"),
                        List.of("first_name", "last_name", "job_position", "external_id", "language", "phone"), false),
                new Shape("workelo unit create", "POST", () -> "/unit_organizations", FieldLimitsIntegrationTests::unit,
                        List.of("external_id", "language"), false),
                new Shape("workelo unit update", "PUT", () -> "/unit_organizations/" + unit,
                        FieldLimitsIntegrationTests::unit,
                        List.of("external_id", "language"), false));
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (Shape shape : shapes) {
            for (String field : shape.fields()) {
                for (int length : LENGTHS) {
                    Instant sent = Instant.now();
                    Map<String, Long> before = counts();
                    Map<String, Object> body = shape.body().get();
                    body.put(field, field.equals("email") ? "a".repeat(length) + "@example.com" : "a".repeat(length));
                    Answer answer = http.asAdmin(shape.method(), shape.path().get(),
                            json(shape.bridgeList() ? Map.of("users", List.of(body)) : body));
                    requests++;
                    boolean namesIt = answer.status() >= 400 && answer.status() < 500
                            && answer.body().contains("\"" + field + "\"");
                    Map<String, Long> after = counts();
                    // Completed publications are deleted in the background: only new ones would be this request's.
                    long published = jdbc.sql("select count(*) from event_publication where publication_date >= :sent")
                            .param("sent", java.sql.Timestamp.from(sent)).query(Long.class).single();
                    if (!namesIt || !after.equals(before) || published > 0) {
                        failures.add("%s %s %d: %d %s %s -> %s".formatted(shape.name(), field, length, answer.status(),
                                answer.body().substring(0, Math.min(160, answer.body().length())), before, after));
                    }
                }
            }
        }
        System.out.println("LIMITS shapes=" + shapes.size() + " requests=" + requests + " failures=" + failures.size());
        assertThat(failures).isEmpty();
    }

    @Test
    void theDocumentedLimitsThemselvesAreAccepted() throws Exception {
        RawHttp http = new RawHttp(port);
        Map<String, Object> chiefOnboarding = person("chiefonboarding");
        chiefOnboarding.put("first_name", "f".repeat(200));
        chiefOnboarding.put("last_name", "l".repeat(200));
        chiefOnboarding.put("position", "p".repeat(300));
        chiefOnboarding.put("phone", "1".repeat(300));
        Map<String, Object> oneMore = person("chiefonboarding");
        oneMore.put("first_name", "f".repeat(201));

        Answer created = http.asAdmin("POST", "/api/users/", json(chiefOnboarding));
        Answer refused = http.asAdmin("POST", "/api/users/", json(oneMore));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json()).containsEntry("position", "p".repeat(300));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json()).containsEntry("first_name",
                List.of("Ensure this field has no more than 200 characters."));
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("employee", "unit_organization", "audit_entry", "employee_identification")) {
            counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        return counts;
    }

    private static Map<String, Object> person(String dialect) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("first_name", "Long");
        body.put("last_name", "Field");
        body.put("email", "limits." + unique + "@example.com");
        switch (dialect) {
            case "chiefonboarding" -> body.put("role", 3);
            case "bridge" -> body.put("uid", "limits-" + unique);
            case "workelo" -> body.put("user_role_id", 6);
            // Nobody here is a new hire whose journey would write rows while the counts are compared.
            case "offly" -> body.put("role", "other");
            default -> {
            }
        }
        return body;
    }

    private static Map<String, Object> unit() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("external_id", "limits-" + UUID.randomUUID());
        body.put("name", "Limits");
        body.put("level_organization_id", 2);
        return body;
    }

    private static String json(Object body) throws JsonProcessingException {
        return JSON.writeValueAsString(body);
    }
}
