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

/** A null inside a list of ids, keys or days is a 400 naming the list (it was a 500), and writes nothing. */
@ApiIntegrationTest
class NullsInListsIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aNullInsideAListIsA400NamingTheList() {
        RawHttp http = new RawHttp(port);
        String email = "nulls." + UUID.randomUUID() + "@example.com";
        long employees = employees();
        long journeys = count("journey");
        long webhooks = count("webhook_subscription");

        // When lists arrive with null elements, as the "sequences":[null,null]
        Answer hire = http.asAdmin("POST", "/api/users/", """
                {"first_name":"Nel","last_name":"Null","email":"%s","role":0,"sequences":[null,null]}"""
                .formatted(email));
        Answer added = http.asAdmin("POST", "/api/journeys/1/sequences", "{\"sequences\":[null]}");
        Answer webhook = http.asAdmin("POST", "/api/webhooks", """
                {"url":"http://127.0.0.1:9/hooks","event_types":["new-hire-created",null]}""");
        Answer days = http.asAdmin("POST", "/api/v1/users", """
                {"email":"%s","first_name":"Nel","last_name":"Null","working_days":["mon",null]}""".formatted(email));
        Answer track = http.asAdmin("POST", "/tracks", """
                {"employee_id":1,"start_date":"2030-01-07","template_ids":[null]}""");

        // Then each is a 400 naming its list, and nothing was stored
        // (ChiefOnboarding's as Django REST framework's ListField keys its items' errors: by index)
        assertThat(hire.status()).as(hire.body()).isEqualTo(400);
        assertThat(hire.json()).containsEntry("sequences",
                java.util.Map.of("0", List.of("This field may not be null.")));
        assertNamesList(added, "sequences");
        assertNamesList(webhook, "event_types");
        assertThat(days.status()).as(days.body()).isEqualTo(422);
        assertThat(OfflyAnswers.fields(days.json())).containsEntry("working_days", List.of("must not hold null."));
        assertNamesList(track, "template_ids");
        assertThat(employees()).isEqualTo(employees);
        assertThat(count("journey")).isEqualTo(journeys);
        assertThat(count("webhook_subscription")).isEqualTo(webhooks);
    }

    private static void assertNamesList(Answer answer, String list) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json()).containsEntry(list, List.of("must not hold null."));
    }

    private long employees() {
        return count("employee");
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
