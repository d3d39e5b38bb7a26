package dev.onboardingengine.api.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.onboardingengine.api.ApiIntegrationTest;
import dev.onboardingengine.api.RawHttp;
import dev.onboardingengine.api.RawHttp.Answer;
import dev.onboardingengine.api.dialect.offly.OfflyAnswers;

/**
 * A key given twice in one JSON object is refused with a 400 naming the key, in every dialect's error
 * shape, and nothing is written: the client cannot know which of its two values would have been kept.
 */
@ApiIntegrationTest
class DuplicateKeysIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aRepeatedKeyIsA400NamingItInEveryDialectAndWritesNothing() {
        RawHttp http = new RawHttp(port);
        String email = "twice." + UUID.randomUUID() + "@example.com";
        long employees = employees();

        // When each dialect receives a body with one key twice
        Answer chiefOnboarding = http.asAdmin("POST", "/api/users/", """
                {"first_name":"Ann","first_name":"Anna","last_name":"Twice","email":"%s","role":3}""".formatted(email));
        Answer offly = http.asAdmin("POST", "/api/v1/users", """
                {"email":"%s","first_name":"Ann","last_name":"Twice","job_title":"a","job_title":"b"}"""
                .formatted(email));
        Answer bridge = http.asAdmin("POST", "/api/admin/users", """
                {"users":[{"uid":"u-%s","uid":"v","email":"%s","first_name":"Ann","last_name":"Twice"}]}"""
                .formatted(UUID.randomUUID(), email));
        Answer workelo = http.asAdmin("POST", "/employees", """
                {"first_name":"Ann","last_name":"Twice","email":"%s","email":"%s"}""".formatted(email, email));
        Answer identification = http.asAdmin("POST", "/employees/1/identifications", """
                {"identification_resource_id":1,"value":"B-1","value":"B-2"}""");
        Answer journeys = http.asAdmin("POST", "/api/journeys/1/sequences", """
                {"sequences":[1],"sequences":[2]}""");

        // Then each answer is a 400 problem with the key as its member, and nobody was added
        assertThat(chiefOnboarding.status()).as(chiefOnboarding.body()).isEqualTo(400);
        assertThat(chiefOnboarding.contentType()).isEqualTo("application/json");
        assertThat(chiefOnboarding.json()).containsEntry("first_name", List.of("is given more than once."));
        assertThat(offly.status()).as(offly.body()).isEqualTo(422);
        assertThat(OfflyAnswers.fields(offly.json())).containsEntry("job_title", List.of("is given more than once."));
        assertNamesKey(bridge, "uid");
        assertNamesKey(workelo, "email");
        assertNamesKey(identification, "value");
        assertNamesKey(journeys, "sequences");
        assertThat(employees()).isEqualTo(employees);
        assertThat(jdbc.sql("select count(*) from employee_identification where identifier like 'B-_'")
                .query(Long.class).single()).isZero();
    }

    private static void assertNamesKey(Answer answer, String key) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.json()).containsEntry(key, List.of("is given more than once."));
        assertThat((String) answer.json().get("detail")).isEqualTo(key + ": is given more than once.");
    }

    private long employees() {
        return jdbc.sql("select count(*) from employee").query(Long.class).single();
    }
}
