package dev.onboardingengine.api.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.onboardingengine.OnboardingEngineApplication;
import dev.onboardingengine.api.ApiIntegrationTest;
import dev.onboardingengine.api.LoopbackClient;
import dev.onboardingengine.workflow.administrator.EngineAdministrator;
import dev.onboardingengine.workflow.testing.TestBroker;
import dev.onboardingengine.workflow.testing.TestDatabase;

/**
 * {@code unlock-admin} and {@code reset-admin-password}, run as an operator runs them (a JVM of their
 * own on the engine's database, beside the running engine): the way back in after Camunda locked the
 * administrator or the password was lost.
 */
@ApiIntegrationTest
class EngineAdminCommandsIntegrationTests {

    private static final Pattern PRINTED = Pattern.compile("stored hashed\\): (\\S+)");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EngineAdministrator administrator;

    @AfterEach
    void restoreTheTestPassword() {
        administrator.resetPassword("admin", ApiIntegrationTest.ADMIN_PASSWORD);
    }

    @Test
    void unlockAdminLetsALockedAdministratorBackIn() throws Exception {
        // Given the administrator locked by Camunda, as after loginMaxAttempts wrong passwords
        jdbc.sql("update act_id_user set attempts_ = 10, lock_exp_time_ = :until where id_ = 'admin'")
                .param("until", Timestamp.from(Instant.now().plus(3650, ChronoUnit.DAYS))).update();
        LoopbackClient desk = new LoopbackClient("127.0.0.31", port);
        assertThat(engineRest(desk, ApiIntegrationTest.ADMIN_PASSWORD)).isEqualTo(401);

        // When the command runs
        CommandRun run = runCommand(Map.of(), "unlock-admin");

        // Then the right password works again
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("Camunda user 'admin' unlocked");
        assertThat(engineRest(desk, ApiIntegrationTest.ADMIN_PASSWORD)).isEqualTo(200);
    }

    @Test
    void resetAdminPasswordPrintsAGeneratedPasswordOnceOrSetsTheConfiguredOne() throws Exception {
        // When it runs without ONBOARDING_ADMIN_PASSWORD, it prints a new password that works, and the old one does not
        CommandRun generated = runCommand(Map.of("onboarding.admin.password", ""), "reset-admin-password");
        assertThat(generated.exitCode()).as(generated.output()).isZero();
        Matcher printed = PRINTED.matcher(generated.output());
        assertThat(printed.find()).as(generated.output()).isTrue();
        LoopbackClient desk = new LoopbackClient("127.0.0.32", port);
        assertThat(engineRest(desk, printed.group(1))).isEqualTo(200);
        assertThat(engineRest(desk, ApiIntegrationTest.ADMIN_PASSWORD)).isEqualTo(401);
        administrator.unlock("admin");

        // When it runs with one, that one is set and not printed
        String chosen = "chosen-password-" + System.nanoTime();
        CommandRun configured = runCommand(Map.of("onboarding.admin.password", chosen), "reset-admin-password");
        assertThat(configured.exitCode()).as(configured.output()).isZero();
        assertThat(configured.output()).contains("has the password from ONBOARDING_ADMIN_PASSWORD")
                .doesNotContain(chosen);
        assertThat(engineRest(desk, chosen)).isEqualTo(200);
    }

    private static int engineRest(LoopbackClient client, String password) {
        return client.get("/engine-rest/deployment", Map.of("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8)))).status();
    }

    /** A separate JVM with the engine's main class on this test's database, as an operator's environment would set it. */
    private static CommandRun runCommand(Map<String, String> properties, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dspring.datasource.url=" + TestDatabase.get().url(),
                "-Dspring.datasource.username=" + TestDatabase.get().username(),
                "-Dspring.datasource.password=" + TestDatabase.get().password(),
                "-Dspring.kafka.bootstrap-servers=" + TestBroker.get().bootstrapServers()));
        properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.addAll(
                List.of("-cp", System.getProperty("java.class.path"), OnboardingEngineApplication.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", args) + " did not finish within 3 minutes:\n" + output);
        }
        return new CommandRun(process.exitValue(), output);
    }

    record CommandRun(int exitCode, String output) {
    }
}
