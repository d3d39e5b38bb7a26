package dev.onboardingengine.api.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import dev.onboardingengine.api.ApiIntegrationTest;
import dev.onboardingengine.api.LoopbackClient;
import dev.onboardingengine.workflow.administrator.EngineAdministrator;

/**
 * The Camunda administrator has no default password, is stored hashed, and cannot be locked out by
 * an anonymous caller: failed logins are counted per client address in front of Camunda, on
 * {@code /engine-rest}'s HTTP Basic (as Camunda Modeler's Deploy sends it) and on the webapps' login
 * form (replayed as Cockpit's login page posts it: a GET for the XSRF cookie, then the form with the
 * X-XSRF-TOKEN header and the session cookie). Each case is its own client, from its own loopback
 * address ({@link LoopbackClient}).
 */
@ApiIntegrationTest
// A context and an engine name of its own: the webapps and /engine-rest find their engine by name in
// Camunda's JVM-wide registry, where "default" may belong to (or have been dropped by) another test
// class's context. Every request below names this context's engine.
@TestPropertySource(properties = "camunda.bpm.generate-unique-process-engine-name=true")
@DirtiesContext
class AdministratorLoginIntegrationTests {

    private static final Pattern COOKIE = Pattern.compile("([A-Z-]+)=([^;]+)");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EngineAdministrator administrator;
    @Autowired
    org.camunda.bpm.engine.IdentityService identity;
    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;

    @AfterEach
    void letTheAdministratorIn() {
        // Camunda's own delay after the failures below would hold up the other tests' deployments.
        administrator.unlock("admin");
    }

    @Test
    void theConfiguredPasswordOpensTheEngineRestApiAndOnlyItsHashIsStored() {
        LoopbackClient client = new LoopbackClient("127.0.0.21", port);

        assertThat(client.get(deployments(), basic(ApiIntegrationTest.ADMIN_PASSWORD)).status()).isEqualTo(200);
        assertThat(client.get(deployments(), basic("admin")).status()).isEqualTo(401);
        administrator.unlock("admin");
        String stored = jdbc.sql("select pwd_ from act_id_user where id_ = 'admin'").query(String.class).single();
        assertThat(stored).startsWith("{SHA-512}").doesNotContain(ApiIntegrationTest.ADMIN_PASSWORD);
    }

    @Test
    void aClientThatFailedTenLoginsIsRefusedBeforeCamundaCountsAnotherAttempt() {
        // Given a client that failed ten times, five on Cockpit's login form and five over HTTP Basic
        LoopbackClient guesser = new LoopbackClient("127.0.0.22", port);
        int attemptsBefore = attempts();
        for (int n = 0; n < 5; n++) {
            assertThat(cockpitLogin(guesser, "wrong-" + n)).isEqualTo(401);
            assertThat(guesser.get(deployments(), basic("wrong-" + n)).status()).isEqualTo(401);
        }

        // When it tries again, even with the right password, on either door
        int attemptsAfterTen = attempts();
        LoopbackClient.Response refused = guesser.get(deployments(), basic(ApiIntegrationTest.ADMIN_PASSWORD));

        // Then it is told to wait, and Camunda sees none of it: its count of failures stays where the ten left it
        assertThat(refused.status()).isEqualTo(429);
        assertThat(Long.parseLong(refused.headers().get("retry-after"))).isPositive();
        assertThat(cockpitLogin(guesser, ApiIntegrationTest.ADMIN_PASSWORD)).isEqualTo(429);
        for (int n = 0; n < 20; n++) {
            assertThat(guesser.get(deployments(), basic("wrong-again-" + n)).status()).isEqualTo(429);
        }
        // (Camunda does not count attempts made while its own delay after a failure runs, so the ten raised it by 1 to 10.)
        assertThat(attempts()).isEqualTo(attemptsAfterTen).isBetween(attemptsBefore + 1, attemptsBefore + 10);

        // And the administrator, from elsewhere, is not locked out for good: Camunda's delay passes (unlocked here)
        administrator.unlock("admin");
        LoopbackClient administratorsDesk = new LoopbackClient("127.0.0.23", port);
        assertThat(administratorsDesk.get(deployments(), basic(ApiIntegrationTest.ADMIN_PASSWORD)).status())
                .isEqualTo(200);
        assertThat(cockpitLogin(administratorsDesk, ApiIntegrationTest.ADMIN_PASSWORD)).isEqualTo(200);
    }

    @Test
    void successfulLoginsUseUpNothing() {
        LoopbackClient modeler = new LoopbackClient("127.0.0.24", port);

        for (int n = 0; n < 15; n++) {
            assertThat(modeler.get(deployments(), basic(ApiIntegrationTest.ADMIN_PASSWORD)).status())
                    .isEqualTo(200);
        }
    }

    @Test
    void twoNodesCreatingTheAdministratorAtOnceMakeOneUserAndOnlyOneOfThemPrintsItsPassword() throws Exception {
        // Given two starts racing on the same database (two threads here, as two nodes would)
        // Camunda user ids are letters and digits only.
        String user = "racer" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> created = new java.util.ArrayList<>();
            for (String password : java.util.List.of("first-node-password", "second-node-password")) {
                created.add(nodes.submit(() -> {
                    together.await();
                    return administrator.createIfAbsent(user, password);
                }));
            }

            // Then exactly one of them created the user, a member of camunda-admin, with its own password
            java.util.List<Boolean> results = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Boolean> result : created) {
                results.add(result.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(results).containsExactlyInAnyOrder(true, false);
            assertThat(identity.createUserQuery().userId(user).memberOfGroup("camunda-admin").count()).isOne();
            String winner = results.get(0) ? "first-node-password" : "second-node-password";
            assertThat(identity.checkPassword(user, winner)).isTrue();
        } finally {
            nodes.shutdownNow();
            identity.deleteUser(user);
        }
    }

    /** Cockpit's login page: GET the app for the XSRF cookie and the session, then POST the form. */
    private String deployments() {
        return "/engine-rest/engine/" + engine.getName() + "/deployment";
    }

    private int cockpitLogin(LoopbackClient client, String password) {
        LoopbackClient.Response page = client.get("/camunda/app/cockpit/" + engine.getName() + "/", Map.of());
        Map<String, String> cookies = new HashMap<>();
        String setCookie = page.headers().getOrDefault("set-cookie", "");
        Matcher matcher = COOKIE.matcher(setCookie);
        while (matcher.find()) {
            cookies.put(matcher.group(1), matcher.group(2));
        }
        String cookieHeader = String.join("; ",
                cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        return client.post("/camunda/api/admin/auth/user/" + engine.getName() + "/login/cockpit",
                Map.of("Cookie", cookieHeader, "X-XSRF-TOKEN", cookies.getOrDefault("XSRF-TOKEN", ""),
                        "Accept", "application/json"),
                "application/x-www-form-urlencoded",
                "username=admin&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)).status();
    }

    private int attempts() {
        return jdbc.sql("select coalesce(attempts_, 0) from act_id_user where id_ = 'admin'").query(Integer.class)
                .single();
    }

    private static Map<String, String> basic(String password) {
        return Map.of("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8)));
    }
}
