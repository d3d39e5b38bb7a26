package dev.onboardingengine.api.migration;

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

/**
 * Free text without a documented limit is stored as text on PostgreSQL: ChiefOnboarding documents no
 * limit on {@code message}, so a long one is stored, not a 500 "value too long"; Workelo's unit names
 * and a webhook's URL likewise.
 */
@ApiIntegrationTest
class FreeTextColumnsIntegrationTests {

    /** Table and column of every free-text column that V2026_12_02_18 made text. */
    static final List<String> FREE_TEXT = List.of("employee.message", "employee.avatar_url", "employee.department",
            "employee.full_name", "employee.sortable_name", "audit_entry.summary", "audit_entry.before_state",
            "audit_entry.after_state", "level_organization.name", "unit_organization.name",
            "identification_resource.name", "employee_identification.identifier", "webhook_subscription.url",
            "webhook_delivery.payload", "webhook_delivery.last_error", "stored_file.file_name",
            "paperwork_resource.label", "collection_value.label", "journey_form.name", "paperwork.label",
            "document_resource.name", "journey_document.name", "journey.sequence_keys",
            "event_publication.serialized_event");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyFreeTextColumnIsText() {
        for (String column : FREE_TEXT) {
            String[] parts = column.split("\\.");
            assertThat(jdbc.sql("select data_type from information_schema.columns where table_name = :table "
                    + "and column_name = :column").param("table", parts[0]).param("column", parts[1])
                    .query(String.class).single()).as(column).isEqualTo("text");
        }
    }

    @Test
    void aLongMessageAUnitNameAndAWebhookUrlAreStored() {
        RawHttp http = new RawHttp(port);
        String message = "Welcome!" + " Welcome!".repeat(2_000);
        String email = "long." + UUID.randomUUID() + "@example.com";

        Answer hire = http.asAdmin("POST", "/api/users/", """
                {"first_name":"Lena","last_name":"Long","email":"%s","role":3,"message":"%s"}"""
                .formatted(email, message));
        Answer unit = http.asAdmin("POST", "/unit_organizations", """
                {"external_id":"long-%s","name":"%s","level_organization_id":2}"""
                .formatted(UUID.randomUUID(), "Department of long names ".repeat(100)));
        Answer webhook = http.asAdmin("POST", "/api/webhooks", """
                {"url":"http://127.0.0.1:9/%s","event_types":["journey-status-changed"]}"""
                .formatted("p".repeat(3_000)));

        assertThat(hire.status()).as(hire.body()).isEqualTo(201);
        assertThat(jdbc.sql("select message from employee where email = :email").param("email", email)
                .query(String.class).single()).isEqualTo(message);
        assertThat(unit.status()).as(unit.body()).isEqualTo(201);
        assertThat(webhook.status()).as(webhook.body()).isEqualTo(201);
        http.asAdmin("DELETE", "/api/webhooks/" + webhook.json().get("id"), null);
    }
}
