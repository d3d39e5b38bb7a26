package dev.onboardingengine.api.input;

import static org.assertj.core.api.Assertions.assertThat;

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
 * A request whose {@code Accept} no answer of the route can meet is refused with 406 before the handler
 * runs: no employee, no journey, no audit entry, no outbox event. Before, {@code POST /api/users/} with
 * {@code Accept: text/html} answered 406 with the hire saved and its journey started, in all four dialects.
 */
@ApiIntegrationTest
class AcceptBeforeWriteIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aHireThatAsksForHtmlIsRefusedBeforeAnythingIsWritten() {
        RawHttp http = new RawHttp(port);
        String token = "Token " + ApiIntegrationTest.ADMIN_TOKEN;
        String email = "html." + UUID.randomUUID() + "@example.com";
        long audit = count("audit_entry");
        long journeys = count("journey");

        // When each dialect's create is asked for an HTML answer
        Answer chiefOnboarding = http.send("POST", "/api/users/", token, "application/json", "text/html", """
                {"first_name":"Hal","last_name":"Html","email":"%s","role":0}""".formatted(email));
        Answer offly = http.send("POST", "/api/v1/users", token, "application/json", "text/html", """
                {"email":"%s","first_name":"Hal","last_name":"Html"}""".formatted(email));
        Answer bridge = http.send("POST", "/api/admin/users", token, "application/json", "text/html", """
                {"users":[{"uid":"h-%s","email":"%s","first_name":"Hal","last_name":"Html"}]}"""
                .formatted(UUID.randomUUID(), email));
        Answer workelo = http.send("POST", "/employees", token, "application/json", "text/html", """
                {"first_name":"Hal","last_name":"Html","email":"%s","user_role_id":5}""".formatted(email));

        // Then each is a 406 problem, and nothing of the hire exists anywhere
        for (Answer answer : new Answer[]{bridge, workelo}) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(406);
            assertThat(answer.json()).containsEntry("status", 406);
        }
        // (ChiefOnboarding's in Django REST framework's body)
        assertThat(chiefOnboarding.status()).as(chiefOnboarding.body()).isEqualTo(406);
        assertThat(chiefOnboarding.json()).containsEntry("detail", "Could not satisfy the request Accept header.");
        // (Offly's in its own error body, which it documents)
        assertThat(offly.status()).as(offly.body()).isEqualTo(406);
        assertThat(OfflyAnswers.code(offly.json())).isEqualTo("bad_request");
        assertThat(jdbc.sql("select count(*) from employee where email = :email").param("email", email)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like :email")
                .param("email", "%" + email + "%").query(Long.class).single()).isZero();
        assertThat(count("audit_entry")).isEqualTo(audit);
        assertThat(count("journey")).isEqualTo(journeys);
    }

    @Test
    void anAcceptTheRouteCanAnswerStillWorks() {
        RawHttp http = new RawHttp(port);
        String token = "Token " + ApiIntegrationTest.ADMIN_TOKEN;

        assertThat(http.send("GET", "/api/employees/", token, null, "application/json", null).status()).isEqualTo(200);
        assertThat(http.send("GET", "/employees", token, null, "*/*", null).status()).isEqualTo(200);
        assertThat(http.send("GET", "/employees", token, null, "text/html, application/json;q=0.5", null).status())
                .isEqualTo(200);
        assertThat(http.send("GET", "/api/v1/users", token, null, "application/*", null).status()).isEqualTo(200);
        // A route answering 204 has nothing to negotiate
        assertThat(http.send("DELETE", "/api/webhooks/987654", token, null, "text/html", null).status())
                .isEqualTo(404);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
