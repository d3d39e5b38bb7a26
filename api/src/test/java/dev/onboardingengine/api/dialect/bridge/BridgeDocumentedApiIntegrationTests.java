package dev.onboardingengine.api.dialect.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.onboardingengine.api.ApiIntegrationTest;
import dev.onboardingengine.api.dialect.workelo.WorkeloClient;
import dev.onboardingengine.api.dialect.workelo.WorkeloClient.Answer;
import dev.onboardingengine.api.directory.Employees;

/**
 * Bridge as its public API documentation describes it, beyond the seed's excerpt: requests authenticate
 * with {@code Authorization: Basic <token>} (docs.bridgeapp.com, "API Authentication": the API token as
 * Bridge issues it, sent with the Basic scheme), and a user carries {@code bio}, {@code updated_at},
 * {@code unsubscribed} and {@code job_title} (https://docs.bridgeapp.com/doc/api/html/author_users.html,
 * UserResponse).
 */
@ApiIntegrationTest
class BridgeDocumentedApiIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    Employees employees;

    @Test
    void aClientSendingItsTokenWithTheBasicSchemeAddsAUserWithTheDocumentedFields() {
        WorkeloClient bridge = new WorkeloClient(port, "Basic", ApiIntegrationTest.ADMIN_TOKEN, objectMapper);
        String uid = "basic-" + UUID.randomUUID();
        String email = uid + "@example.com";

        Answer added = bridge.post("/api/admin/users", """
                {"users":[{"uid":"%s","first_name":"Rey","last_name":"Skywalker","email":"%s","locale":"en",
                           "hire_date":"2030-02-04","job_title":"Scavenger"}]}
                """.formatted(uid, email));

        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> rey = ((List<Map<String, Object>>) added.body().get("users")).get(0);
        assertThat(rey).containsEntry("uid", uid).containsEntry("job_title", "Scavenger").containsEntry("bio", null)
                .containsEntry("unsubscribed", false).containsKey("updated_at");
        assertThat(employees.findByEmail(email)).isPresent();
    }

    @Test
    void theBasicSchemeCarriesOnlyATokenNeverAUserAndPassword() {
        String email = "refused-" + UUID.randomUUID() + "@example.com";
        String body = "{\"users\":[{\"uid\":\"%s\",\"first_name\":\"No\",\"last_name\":\"Body\",\"email\":\"%s\"}]}"
                .formatted(UUID.randomUUID(), email);
        String userAndPassword = Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));

        Answer unknownToken = new WorkeloClient(port, "Basic", "not-a-token", objectMapper).post("/api/admin/users",
                body);
        Answer password = new WorkeloClient(port, "Basic", userAndPassword, objectMapper).post("/api/admin/users",
                body);

        assertThat(unknownToken.status()).isEqualTo(401);
        assertThat(password.status()).isEqualTo(401);
        assertThat(employees.findByEmail(email)).isEmpty();
    }
}
