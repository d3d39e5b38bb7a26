package dev.onboardingengine.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.onboardingengine.api.ApiIntegrationTest;
import dev.onboardingengine.api.RawHttp;
import dev.onboardingengine.api.RawHttp.Answer;

/**
 * The last two causes of 500s an earlier fuzz run found: a number beyond its column in an option of a
 * selection list ({@code POST /collection_values}), and a date beyond the sane range in a query parameter
 * (Bridge's summary, Workelo's logs, where {@code +999999999-12-31} was a 500). All are 400s naming
 * the field, and no option is written.
 */
@ApiIntegrationTest
class NumbersAndQueryDatesIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anOptionPositionOrParentBeyondItsTypeIsA400NamingIt() {
        RawHttp http = new RawHttp(port);
        long tshirts = jdbc.sql("select id from paperwork_resource where resource_key = 'tshirt_size'")
                .query(Long.class).single();
        String list = "/collection_values?resource_type=PaperworkResource&resource_id=" + tshirts;
        long options = jdbc.sql("select count(*) from collection_value").query(Long.class).single();

        Answer position = http.asAdmin("POST", list, "{\"value\":\"XXL\",\"position\":2147483648}");
        Answer parent = http.asAdmin("POST", list, "{\"value\":\"XXL\",\"parent_id\":99999999999999999999}");
        Answer negative = http.asAdmin("POST", list, "{\"value\":\"XXL\",\"position\":-2147483649}");

        assertThat(position.status()).as(position.body()).isEqualTo(400);
        assertThat(position.json()).containsKey("position");
        assertThat(parent.status()).as(parent.body()).isEqualTo(400);
        assertThat(parent.json()).containsKey("parent_id");
        assertThat(negative.status()).as(negative.body()).isEqualTo(400);
        assertThat(negative.json()).containsKey("position");
        assertThat(jdbc.sql("select count(*) from collection_value").query(Long.class).single()).isEqualTo(options);
    }

    @Test
    void aQueryDateBeyondTheRangeIsA400NamingIt() {
        RawHttp http = new RawHttp(port);
        Answer person = http.asAdmin("POST", "/api/v1/users", """
                {"email":"query.date.%d@example.com","first_name":"Query","last_name":"Date","role":"other"}"""
                .formatted(System.nanoTime()));
        long id = jdbc.sql("select id from employee where uuid = cast(:uuid as uuid)")
                .param("uuid", person.json().get("id")).query(Long.class).single();

        Answer far = http.asAdmin("GET", "/api/admin/users/" + id + "/summary?start_date=%2B999999999-12-31", null);
        Answer early = http.asAdmin("GET", "/api/admin/users/" + id + "/summary?end_date=1899-12-31", null);

        assertThat(far.status()).as(far.body()).isEqualTo(400);
        assertThat(far.json()).containsKey("start_date");
        assertThat(early.status()).as(early.body()).isEqualTo(400);
        assertThat(early.json()).containsKey("end_date");
        assertThat(far.body()).doesNotContain("java.", "LocalDate");
    }

    @Test
    void aLogRangeBeyondTheYearsIsA400NamingItNotA500() {
        RawHttp http = new RawHttp(port);

        Answer farDay = http.asAdmin("GET", "/logs?from=%2B999999999-12-31", null);
        Answer farEnd = http.asAdmin("GET", "/logs?to=%2B999999999-12-31", null);
        Answer farInstant = http.asAdmin("GET", "/logs?from=%2B999999999-12-31T00:00:00Z", null);
        Answer early = http.asAdmin("GET", "/logs?from=1899-12-31", null);

        assertThat(farDay.status()).as(farDay.body()).isEqualTo(400);
        assertThat(farDay.json()).containsEntry("from", List.of("must be a date between 1900-01-01 and 2200-12-31."));
        assertThat(farEnd.status()).as(farEnd.body()).isEqualTo(400);
        assertThat(farEnd.json()).containsKey("to");
        assertThat(farInstant.status()).as(farInstant.body()).isEqualTo(400);
        assertThat(farInstant.json()).containsKey("from");
        assertThat(early.status()).as(early.body()).isEqualTo(400);
        assertThat(early.json()).containsKey("from");
    }
}
