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
 * Dates are ISO strings between 1900-01-01 and 2200-12-31 in every dialect: a number is not a count of
 * days since 1970 ({@code "start_day":20201204} was stored as +57279-01-07 with a journey), and a year
 * such as +999999999 is a 400 rather than a 201 whose event is then dead-lettered.
 */
@ApiIntegrationTest
class DatesIntegrationTests {

    private static final String RANGE = "must be a date between 1900-01-01 and 2200-12-31.";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aNumberWhereADateIsExpectedIsA400NamingTheField() {
        RawHttp http = new RawHttp(port);
        long employees = employees();

        Answer chiefOnboarding = http.asAdmin("POST", "/api/users/", """
                {"first_name":"Ed","last_name":"Epoch","email":"%s","role":0,"start_day":20201204}"""
                .formatted(email()));
        Answer workelo = http.asAdmin("POST", "/employees", """
                {"first_name":"Ed","last_name":"Epoch","email":"%s","start_date":12}""".formatted(email()));
        Answer offly = http.asAdmin("POST", "/api/v1/users", """
                {"email":"%s","first_name":"Ed","last_name":"Epoch","start_date":[2026,1,5]}""".formatted(email()));

        assertThat(chiefOnboarding.status()).isEqualTo(400);
        assertThat(chiefOnboarding.json()).containsEntry("start_day",
                List.of("Date has wrong format. Use one of these formats instead: YYYY-MM-DD."));
        assertThat(workelo.status()).isEqualTo(400);
        assertThat(workelo.json()).containsEntry("start_date", List.of("is not a valid date: use YYYY-MM-DD."));
        assertThat(offly.status()).isEqualTo(422);
        assertThat(OfflyAnswers.fields(offly.json()))
                .containsEntry("start_date", List.of("is not a valid date: use YYYY-MM-DD."));
        assertThat(employees()).isEqualTo(employees);
    }

    @Test
    void datesOutsideNineteenHundredToTwentyTwoHundredAreRefusedAndItsEdgesAccepted() {
        RawHttp http = new RawHttp(port);
        long employees = employees();
        long journeys = jdbc.sql("select count(*) from journey").query(Long.class).single();

        // When dates beyond the range arrive in three dialects
        Answer farFuture = http.asAdmin("POST", "/api/users/", """
                {"first_name":"Max","last_name":"Date","email":"%s","role":0,"start_day":"+999999999-12-31"}"""
                .formatted(email()));
        Answer chiefOnboardingAfterRange = http.asAdmin("POST", "/api/users/", """
                {"first_name":"Max","last_name":"Date","email":"%s","role":0,"start_day":"2201-1-1"}"""
                .formatted(email()));
        Answer beforeRange = http.asAdmin("POST", "/api/v1/users", """
                {"email":"%s","first_name":"Min","last_name":"Date","start_date":"1899-12-31"}""".formatted(email()));
        Answer track = http.asAdmin("POST", "/tracks", """
                {"employee_id":1,"start_date":"9999-01-01"}""");
        Answer bridge = http.asAdmin("POST", "/api/admin/users",
                """
                        {"users":[{"uid":"d-%s","email":"%s","first_name":"Bri","last_name":"Date","hire_date":"2201-01-01"}]}"""
                        .formatted(UUID.randomUUID(), email()));

        // Then each is a 400 naming the field and nothing is stored
        assertThat(farFuture.status()).isEqualTo(400);
        // not a date to Django's parse_date at all (DRF's DateField), so DRF's own message
        assertThat(farFuture.json()).containsEntry("start_day",
                List.of("Date has wrong format. Use one of these formats instead: YYYY-MM-DD."));
        assertThat(chiefOnboardingAfterRange.status()).isEqualTo(400);
        assertThat(chiefOnboardingAfterRange.json()).containsEntry("start_day", List.of(RANGE));
        assertThat(beforeRange.status()).isEqualTo(422);
        assertThat(OfflyAnswers.fields(beforeRange.json())).containsEntry("start_date", List.of(RANGE));
        assertThat(track.status()).isEqualTo(400);
        assertThat(track.json()).containsEntry("start_date", List.of(RANGE));
        assertThat(bridge.status()).isEqualTo(400);
        assertThat(bridge.json()).containsKey("hire_date");
        assertThat(employees()).isEqualTo(employees);
        assertThat(jdbc.sql("select count(*) from journey").query(Long.class).single()).isEqualTo(journeys);

        // And the range's first and last days are dates like any other (role 3: no journey)
        assertThat(http.asAdmin("POST", "/api/users/", """
                {"first_name":"First","last_name":"Day","email":"%s","role":3,"start_day":"1900-01-01"}"""
                .formatted(email())).status()).isEqualTo(201);
        assertThat(http.asAdmin("POST", "/api/users/", """
                {"first_name":"Last","last_name":"Day","email":"%s","role":3,"start_day":"2200-12-31"}"""
                .formatted(email())).status()).isEqualTo(201);
    }

    private static String email() {
        return "date." + UUID.randomUUID() + "@example.com";
    }

    private long employees() {
        return jdbc.sql("select count(*) from employee").query(Long.class).single();
    }
}
