package dev.onboardingengine.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import dev.onboardingengine.api.webhook.TestHostNames;
import dev.onboardingengine.workflow.testing.EngineIntegrationTest;

/**
 * The whole engine on a random port, on real PostgreSQL and Kafka, with a known administrator token
 * ({@link #ADMIN_TOKEN}) and Camunda administrator password ({@link #ADMIN_PASSWORD}), Prometheus export on, and Camunda's job executor off: tests fire timers after
 * moving the clock. Webhook host names resolve through {@link TestHostNames}, so a test can make a name
 * resolve to a loopback address of its choice.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EngineIntegrationTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestHostNames.class)
@TestPropertySource(properties = {
        "onboarding.admin.email=admin@example.com",
        "onboarding.admin.token=" + ApiIntegrationTest.ADMIN_TOKEN,
        "onboarding.admin.password=" + ApiIntegrationTest.ADMIN_PASSWORD,
        "onboarding.outbox.resubmit-interval=2s",
        "onboarding.outbox.resubmit-older-than=5s",
        // A fixed key for secrets at rest, so no test writes a generated key file into ./data.
        "onboarding.secrets.key=" + ApiIntegrationTest.SECRETS_KEY,
        // Webhook retries in test time: 3 attempts, 200 ms apart then 400 ms. An attempt may take 15 s, so the
        // 8-second receiver of WebhookIsolationIntegrationTests answers within it.
        "onboarding.webhooks.poll-interval=200ms",
        "onboarding.webhooks.first-retry-delay=200ms",
        "onboarding.webhooks.max-attempts=3",
        "onboarding.webhooks.timeout=15s",
        // The tests' receivers listen on 127.0.0.1 over plain HTTP: allowed here, and only that address, so
        // the rest of loopback (127.0.0.2, ...) stands for the addresses that deliveries must never reach.
        "onboarding.webhooks.allow-http=true",
        "onboarding.webhooks.allowed-networks=127.0.0.1/32",
        // Every suite of this shared context calls with the one admin token: Workelo's 1,000 an hour and
        // Bridge's 5 a second would throttle the suites, not a client. ApiRateLimitsTests tests the limits.
        "onboarding.api.rate-limits.enabled=false",
        // Spring Boot's tests turn metric export off; operators' view is under test here too.
        "management.prometheus.metrics.export.enabled=true"})
public @interface ApiIntegrationTest {

    String ADMIN_TOKEN = "0123456789abcdef0123456789abcdef01234567";
    /** The Camunda administrator's ({@code admin}) password: no default exists. */
    String ADMIN_PASSWORD = "test-admin-password-7d1f2c";

    /** The key that encrypts secrets at rest in these tests (base64 of 32 bytes). */
    String SECRETS_KEY = "Z5AnbDQrIUrjrUFOTWZmPhH0ikFjIcC1CluLplQL6es=";
}
