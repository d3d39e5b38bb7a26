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
 * A NUL character (U+0000) in a JSON string or a query parameter is a 400 naming the field: PostgreSQL
 * cannot store or compare it, and such values were 500s in every dialect (the fuzz suite found 54).
 */
@ApiIntegrationTest
class NulCharactersIntegrationTests {

    private static final String NUL = "must not contain the NUL character.";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aNulInABodyOrAParameterIsA400NamingIt() {
        RawHttp http = new RawHttp(port);
        long employees = jdbc.sql("select count(*) from employee").query(Long.class).single();

        Answer chiefOnboarding = http.asAdmin("POST", "/api/users/", """
                {"first_name":"Nu\\u0000l","last_name":"Char","email":"nul.%s@example.com","role":3}"""
                .formatted(UUID.randomUUID()));
        Answer offly = http.asAdmin("POST", "/api/v1/users", """
                {"email":"nul.%s@example.com","first_name":"Nul","last_name":"Char","working_days":["mon\\u0000"]}"""
                .formatted(UUID.randomUUID()));
        Answer bridge = http.asAdmin("POST", "/api/admin/users",
                """
                        {"users":[{"uid":"nul-%s","email":"nul.%s@example.com","first_name":"Nul","last_name":"Ch\\u0000ar"}]}"""
                        .formatted(UUID.randomUUID(), UUID.randomUUID()));
        Answer query = http.asAdmin("GET", "/employees?external_id=a%00b", null);
        Answer chiefOnboardingQuery = http.asAdmin("GET", "/api/employees/?search=%00", null);

        assertThat(chiefOnboarding.status()).isEqualTo(400);
        assertThat(chiefOnboarding.json()).containsEntry("first_name", List.of(NUL));
        assertThat(offly.status()).isEqualTo(422);
        assertThat(OfflyAnswers.fields(offly.json())).containsKey("working_days");
        assertThat(bridge.status()).isEqualTo(400);
        assertThat(bridge.json()).containsKey("last_name");
        assertThat(query.status()).isEqualTo(400);
        assertThat(query.json()).containsEntry("external_id", List.of(NUL));
        assertThat(chiefOnboardingQuery.status()).isEqualTo(400);
        assertThat(chiefOnboardingQuery.json()).containsEntry("search", List.of(NUL));
        assertThat(jdbc.sql("select count(*) from employee").query(Long.class).single()).isEqualTo(employees);
    }
}
