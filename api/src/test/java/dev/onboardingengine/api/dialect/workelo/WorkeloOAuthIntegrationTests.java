package dev.onboardingengine.api.dialect.workelo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.codec.Hex;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.onboardingengine.api.ApiIntegrationTest;
import dev.onboardingengine.api.auth.OAuthClients;
import dev.onboardingengine.api.dialect.workelo.WorkeloClient.Answer;
import dev.onboardingengine.api.directory.Employee;
import dev.onboardingengine.api.directory.EmployeeRole;
import dev.onboardingengine.api.hire.NewHire;
import dev.onboardingengine.api.hire.NewHireService;

/**
 * Workelo's OAuth 2.0 client credentials grant (Spring Authorization Server): {@code POST /oauth/token}
 * and {@code /v1/oauth/token} issue expiring bearer tokens to registered clients, which act as their
 * owner; the static API tokens keep working. The rate limits are on here, as a deployment has them,
 * with a small hourly count so the limit is reached quickly ({@link WorkeloDocumentedApiIntegrationTests}
 * shares this context).
 */
@ApiIntegrationTest
@TestPropertySource(properties = {"onboarding.api.rate-limits.enabled=true",
        "onboarding.api.rate-limits.workelo-requests=" + WorkeloOAuthIntegrationTests.HOURLY_REQUESTS,
        "onboarding.api.rate-limits.workelo-window=1h"})
class WorkeloOAuthIntegrationTests {

    static final int HOURLY_REQUESTS = 40;

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    OAuthClients clients;
    @Autowired
    NewHireService hires;
    @Autowired
    JdbcClient jdbc;

    @Test
    void basicClientAuthenticationGetsAnExpiringBearerTokenThatCallsV1Employees() {
        // Given a client registered for an administrator
        OAuthClients.Registered client = clients.register(person(EmployeeRole.ADMIN), "HRIS sync", null);

        // When it asks for a token with its credentials in HTTP Basic
        TokenAnswer answer = tokenRequest("/oauth/token", basic(client.clientId(), client.clientSecret()),
                form("grant_type", "client_credentials"));

        // Then it gets an opaque bearer token for an hour, stored only as a hash, that reads the directory
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.body()).containsEntry("token_type", "Bearer").containsKey("access_token");
        assertThat(((Number) answer.body().get("expires_in")).longValue()).isBetween(3500L, 3600L);
        String token = (String) answer.body().get("access_token");
        assertThat(jdbc.sql("select count(*) from api_client_token where token_hash = :t").param("t", token)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from api_client_token where token_hash = :h")
                .param("h", sha256(token)).query(Long.class).single()).isOne();
        Answer employees = workelo(token).get("/v1/employees");
        assertThat(employees.status()).as(employees.toString()).isEqualTo(200);
        assertThat(employees.list()).isNotEmpty();
        // And the secret is kept as a password hash, not as it was printed
        assertThat(jdbc.sql("select secret_hash from api_client where client_id = :id").param("id", client.clientId())
                .query(String.class).single()).startsWith("{bcrypt}").doesNotContain(client.clientSecret());
    }

    @Test
    void formClientAuthenticationWorksUnderV1AndItsTokenAtTheRoot() {
        OAuthClients.Registered client = clients.register(person(EmployeeRole.ADMIN), "form client", null);

        TokenAnswer answer = tokenRequest("/v1/oauth/token", null, form("grant_type", "client_credentials",
                "client_id", client.clientId(), "client_secret", client.clientSecret()));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        Answer tracks = workelo((String) answer.body().get("access_token")).get("/tracks");
        assertThat(tracks.status()).as(tracks.toString()).isEqualTo(200);
    }

    @Test
    void aWrongSecretAnUnknownClientOrNoCredentialsAreInvalidClientAsRfc6749Writes() {
        OAuthClients.Registered client = clients.register(person(EmployeeRole.ADMIN), "wrong secret", null);

        TokenAnswer wrongSecret = tokenRequest("/oauth/token", basic(client.clientId(), "not-the-secret"),
                form("grant_type", "client_credentials"));
        TokenAnswer wrongInForm = tokenRequest("/v1/oauth/token", null, form("grant_type", "client_credentials",
                "client_id", client.clientId(), "client_secret", client.clientSecret() + "x"));
        TokenAnswer unknown = tokenRequest("/oauth/token", basic("oe_nobody", "whatever"),
                form("grant_type", "client_credentials"));
        TokenAnswer anonymous = tokenRequest("/oauth/token", null, form("grant_type", "client_credentials"));

        for (TokenAnswer refused : List.of(wrongSecret, wrongInForm, unknown, anonymous)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
            assertThat(refused.body()).as(refused.toString()).containsEntry("error", "invalid_client");
            assertThat(refused.body()).doesNotContainKey("access_token");
        }
        assertThat(jdbc.sql("select count(*) from api_client_token where client_id = :id")
                .param("id", client.clientId()).query(Long.class).single()).isZero();
    }

    @Test
    void anExpiredOrUnknownTokenIsUnauthorizedInWorkelosErrorShapeWhileStaticTokensStillWork() {
        // Given an issued token that has expired, and one that was never issued
        OAuthClients.Registered client = clients.register(person(EmployeeRole.ADMIN), "expiring", null);
        String expired = issue(client);
        assertThat(workelo(expired).get("/v1/employees").status()).isEqualTo(200);
        jdbc.sql(
                "update api_client_token set expires_at = current_timestamp - interval '1' second where token_hash = :h")
                .param("h", sha256(expired)).update();

        // When they call Workelo's routes
        Answer afterExpiry = workelo(expired).get("/v1/employees");
        Answer neverIssued = workelo(expired.substring(1) + "A").get("/employees");

        // Then both are 401 in Workelo's error shape (an RFC 7807 problem), and a static token still works
        for (Answer refused : List.of(afterExpiry, neverIssued)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
            assertThat(refused.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(refused.body()).containsEntry("status", 401).containsEntry("detail", "Invalid token.");
        }
        assertThat(workelo(ApiIntegrationTest.ADMIN_TOKEN).get("/v1/employees").status()).isEqualTo(200);
    }

    @Test
    void aTokensCallerHasItsOwnersRoleAndScopeAndDiesWithTheOwner() {
        // Given a client of a colleague and one of an administrator
        Employee colleague = person(EmployeeRole.COLLEAGUE);
        String colleagueToken = issue(clients.register(colleague, "colleague's", null));
        String adminToken = issue(clients.register(person(EmployeeRole.ADMIN), "admin's", null));
        String newEmployee = """
                {"first_name": "Olga", "last_name": "Owner", "email": "olga.%s@company.com", "user_role_id": 1}""";

        // Then the colleague's may not create an employee, the administrator's may
        Answer asColleague = workelo(colleagueToken).post("/v1/employees", newEmployee.formatted(UUID.randomUUID()));
        Answer asAdmin = workelo(adminToken).post("/v1/employees", newEmployee.formatted(UUID.randomUUID()));
        assertThat(asColleague.status()).as(asColleague.toString()).isEqualTo(403);
        assertThat(asAdmin.status()).as(asAdmin.toString()).isEqualTo(201);

        // And when the colleague is removed, their client's token stops working, as does a new token request
        jdbc.sql("update employee set deleted_at = current_timestamp where id = :id").param("id", colleague.id())
                .update();
        assertThat(workelo(colleagueToken).get("/v1/employees").status()).isEqualTo(401);
    }

    @Test
    void theHourlyLimitCountsEachIssuedTokenApart() {
        // Given two tokens of one client
        OAuthClients.Registered client = clients.register(person(EmployeeRole.ADMIN), "busy", null);
        String first = issue(client);
        String second = issue(client);
        assertThat(first).isNotEqualTo(second);

        // When the first makes the hour's requests, at the root and under /v1
        for (int i = 0; i < HOURLY_REQUESTS; i++) {
            Answer allowed = workelo(first).get(i % 2 == 0 ? "/v1/employees?per_page=1" : "/user_roles");
            assertThat(allowed.status()).as("request %d: %s", i + 1, allowed).isEqualTo(200);
        }
        Answer refused = workelo(first).get("/v1/employees");

        // Then the next one is 429 in Workelo's error shape with Retry-After, and the second token goes on
        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(refused.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(Long.parseLong(refused.headers().getFirst("Retry-After"))).isBetween(1L, 3600L);
        assertThat((String) refused.body().get("detail")).contains("Workelo allows " + HOURLY_REQUESTS);
        assertThat(workelo(second).get("/v1/employees").status()).isEqualTo(200);
    }

    private String issue(OAuthClients.Registered client) {
        TokenAnswer answer = tokenRequest("/oauth/token", basic(client.clientId(), client.clientSecret()),
                form("grant_type", "client_credentials"));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return (String) answer.body().get("access_token");
    }

    private Employee person(EmployeeRole role) {
        return hires.hire(NewHire.builder().firstName("Cleo").lastName("Client")
                .email("cleo." + UUID.randomUUID() + "@example.com").role(role).build(), null);
    }

    private WorkeloClient workelo(String token) {
        return new WorkeloClient(port, token, objectMapper);
    }

    static String basic(String clientId, String secret) {
        return "Basic "
                + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    static MultiValueMap<String, String> form(String... namesAndValues) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }

    private TokenAnswer tokenRequest(String path, String authorization, MultiValueMap<String, String> form) {
        return tokenRequest(port, objectMapper, path, authorization, form);
    }

    /** A token request as a client sends it: a form, the client's credentials in Basic or in the form. */
    static TokenAnswer tokenRequest(int port, ObjectMapper objectMapper, String path, String authorization,
            MultiValueMap<String, String> form) {
        RestClient.RequestBodySpec request = RestClient.create("http://localhost:" + port).post().uri(path)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.exchange((req, response) -> {
            byte[] bytes = response.getBody().readAllBytes();
            @SuppressWarnings("unchecked")
            Map<String, Object> body = bytes.length == 0 ? Map.of() : objectMapper.readValue(bytes, Map.class);
            return new TokenAnswer(response.getStatusCode().value(), body);
        });
    }

    static String sha256(String token) {
        try {
            return new String(Hex.encode(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8))));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record TokenAnswer(int status, Map<String, Object> body) {
    }
}
