package dev.onboardingengine.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import dev.onboardingengine.OnboardingEngineApplication;
import dev.onboardingengine.api.ApiIntegrationTest;
import dev.onboardingengine.api.directory.Employee;
import dev.onboardingengine.api.directory.EmployeeRole;
import dev.onboardingengine.api.hire.NewHire;
import dev.onboardingengine.api.hire.NewHireService;
import dev.onboardingengine.workflow.testing.TestBroker;
import dev.onboardingengine.workflow.testing.TestDatabase;

/**
 * {@code create-token <email>}, the engine's {@code drf_create_token}: run as the command line runs
 * it, against the same database; the token it prints works, is stored only as a hash, and dies with
 * its user.
 */
@ApiIntegrationTest
class CreateTokenCommandIntegrationTests {

    private static final Pattern PRINTED = Pattern.compile("Generated token ([0-9a-f]{40}) for user (\\S+)");

    @LocalServerPort
    int port;
    @Autowired
    NewHireService hires;
    @Autowired
    JdbcClient jdbc;

    @Test
    void printsATokenOnceForAnAdministratorThatWorksUntilTheUserIsRemoved() throws Exception {
        // Given an administrator
        Employee admin = hires.hire(NewHire.builder().firstName("Tess").lastName("Token")
                .email("tess." + UUID.randomUUID() + "@example.com").role(EmployeeRole.ADMIN).build(), null);

        // When the command runs for their email
        CommandRun run = runCommand("create-token", admin.email());

        // Then it succeeds and prints a token for them, which is not stored as such
        assertThat(run.exitCode()).isZero();
        Matcher printed = PRINTED.matcher(run.output());
        assertThat(printed.find()).as("printed: %s", run.output()).isTrue();
        String token = printed.group(1);
        assertThat(printed.group(2)).isEqualTo(admin.email());
        assertThat(jdbc.sql("select count(*) from api_token where key_hash = :k or lookup_key = :k")
                .param("k", token).query(Long.class).single()).isZero();

        // And the token works with ChiefOnboarding's header
        assertThat(status(token)).isEqualTo(200);

        // When the user is removed, the token stops working
        jdbc.sql("update employee set deleted_at = current_timestamp where id = :id").param("id", admin.id()).update();
        assertThat(status(token)).isEqualTo(401);
    }

    @Test
    void refusesSomeoneWhoIsNotAnAdministrator() throws Exception {
        Employee colleague = hires.hire(NewHire.builder().firstName("Carl").lastName("Colleague")
                .email("carl." + UUID.randomUUID() + "@example.com").role(EmployeeRole.COLLEAGUE).build(), null);

        CommandRun run = runCommand("create-token", colleague.email());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).doesNotContain("Generated token");
    }

    @Test
    void createClientPrintsAWorkeloOAuthClientOnceWhoseTokenActsAsItsOwner() throws Exception {
        // Given an HR employee the client will act as
        Employee hr = hires.hire(NewHire.builder().firstName("Hana").lastName("Hris")
                .email("hana." + UUID.randomUUID() + "@example.com").role(EmployeeRole.HR).build(), null);

        // When the command runs for their email
        CommandRun run = runCommand("create-client", hr.email(), "HRIS sync");

        // Then it prints a client id and secret, the secret stored only as a hash
        assertThat(run.exitCode()).as(run.output()).isZero();
        Matcher id = Pattern.compile("client_id=(oe_[0-9a-f]+)").matcher(run.output());
        Matcher secret = Pattern.compile("client_secret=([0-9a-f]{64})").matcher(run.output());
        assertThat(id.find() && secret.find()).as("printed: %s", run.output()).isTrue();
        assertThat(jdbc.sql("select employee_id from api_client where client_id = :id and secret_hash <> :s")
                .param("id", id.group(1)).param("s", secret.group(1)).query(Long.class).single()).isEqualTo(hr.id());

        // And its credentials get a token at POST /oauth/token that calls Workelo's routes as the owner
        String token = RestClient.create("http://localhost:" + port).post().uri("/oauth/token")
                .headers(headers -> headers.setBasicAuth(id.group(1), secret.group(1)))
                .contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
                .body("grant_type=client_credentials")
                .retrieve().body(java.util.Map.class).get("access_token").toString();
        int status = RestClient.create("http://localhost:" + port).get().uri("/v1/employees/" + hr.id())
                .header("Authorization", "Bearer " + token)
                .exchange((request, response) -> response.getStatusCode().value());
        assertThat(status).isEqualTo(200);
    }

    @Test
    void createClientRefusesAnUnknownEmail() throws Exception {
        CommandRun run = runCommand("create-client", "nobody." + UUID.randomUUID() + "@example.com");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).doesNotContain("client_secret=");
    }

    private int status(String token) {
        return RestClient.create("http://localhost:" + port).get().uri("/api/employees/")
                .header("Authorization", "Token " + token)
                .exchange((request, response) -> response.getStatusCode().value());
    }

    /**
     * Runs the command as an operator does: a separate JVM with the engine's main class, on this test's
     * database (system properties, as an operator's environment would set them), capturing what it
     * prints. A separate process also keeps its process engine out of this JVM's engine registry.
     */
    private static CommandRun runCommand(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dspring.datasource.url=" + TestDatabase.get().url(),
                "-Dspring.datasource.username=" + TestDatabase.get().username(),
                "-Dspring.datasource.password=" + TestDatabase.get().password(),
                "-Dspring.kafka.bootstrap-servers=" + TestBroker.get().bootstrapServers(),
                "-Donboarding.secrets.key=" + ApiIntegrationTest.SECRETS_KEY,
                "-cp", System.getProperty("java.class.path"),
                OnboardingEngineApplication.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("create-token did not finish within 2 minutes:\n" + output);
        }
        return new CommandRun(process.exitValue(), output);
    }

    record CommandRun(int exitCode, String output) {
    }
}
