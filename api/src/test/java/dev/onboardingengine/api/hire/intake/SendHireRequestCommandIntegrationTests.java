package dev.onboardingengine.api.hire.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import dev.onboardingengine.api.ApiIntegrationTest;
import dev.onboardingengine.api.directory.Employees;

/** {@code send-hire-request}: a hire request from a file reaches the running engine as an HR system's would. */
@ApiIntegrationTest
class SendHireRequestCommandIntegrationTests {

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Autowired
    Employees employees;
    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void sendsAHireRequestFromAFileKeyedByItsExternalId() throws IOException {
        // Given a pretty-printed hire request in a file
        String externalId = "CLI-" + UUID.randomUUID();
        Path file = directory.resolve("hire.json");
        Files.writeString(file, """
                {
                  "external_id": "%s",
                  "first_name": "Cleo",
                  "last_name": "Command",
                  "email": "cleo.%s@example.com",
                  "start_date": "2030-01-07"
                }
                """.formatted(externalId, UUID.randomUUID()));

        // When the command sends it to the broker
        int exit = run(Map.of(), "send-hire-request", file.toString(), "--bootstrap-servers", bootstrapServers);

        // Then it says where it went, and the engine creates the hire
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Sent hire request " + externalId + " to onboarding.hire-requests");
        await().atMost(Duration.ofSeconds(60)).until(() -> employees.findByExternalId(externalId).isPresent());
    }

    @Test
    void readsStandardInputAndTheBrokerFromTheEnvironment() {
        String externalId = "STDIN-" + UUID.randomUUID();
        String json = "{\"external_id\":\"%s\",\"first_name\":\"Sam\",\"last_name\":\"Stdin\",\"email\":\"sam.%s@example.com\"}"
                .formatted(externalId, UUID.randomUUID());

        int exit = runWithInput(Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers), json, "send-hire-request", "-");

        assertThat(exit).as(err.toString()).isZero();
        await().atMost(Duration.ofSeconds(60)).until(() -> employees.findByExternalId(externalId).isPresent());
    }

    @Test
    void refusesWhatIsNotAHireRequestWithoutSending() throws IOException {
        Path notJson = Files.writeString(directory.resolve("bad.json"), "first_name=Nope");
        Path noExternalId = Files.writeString(directory.resolve("anon.json"), "{\"first_name\":\"Anon\"}");

        assertThat(run(Map.of(), "send-hire-request")).isEqualTo(2);
        assertThat(run(Map.of(), "send-hire-request", notJson.toString())).isEqualTo(2);
        assertThat(run(Map.of(), "send-hire-request", noExternalId.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("Usage: send-hire-request").contains("Not JSON").contains("external_id");
    }

    @Test
    void failsWithinSecondsWhenNoBrokerListens() throws IOException {
        Path file = Files.writeString(directory.resolve("hire.json"),
                "{\"external_id\":\"X-1\",\"first_name\":\"No\",\"last_name\":\"Broker\",\"email\":\"nb@example.com\"}");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        int exit = run(Map.of("ONBOARDING_EMBEDDED_KAFKA_PORT", Integer.toString(closedPort)), "send-hire-request",
                file.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("Could not send to onboarding.hire-requests at 127.0.0.1:" + closedPort);
    }

    private int run(Map<String, String> environment, String... args) {
        return runWithInput(environment, "", args);
    }

    private int runWithInput(Map<String, String> environment, String stdin, String... args) {
        return SendHireRequestCommand.run(args, environment,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
