package dev.onboardingengine.api.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.onboardingengine.api.ApiIntegrationTest;
import dev.onboardingengine.api.migration.H2Migrations;
import dev.onboardingengine.api.secrets.SecretCipher;
import dev.onboardingengine.api.secrets.SecretCipherFactory;

/**
 * The upgrade of a database whose webhook secrets earlier versions stored in clear, on H2 as the embedded
 * default runs it: after the migrations no secret is readable in the table, and each still signs as before.
 */
class WebhookSecretsEncryptionTests {

    private static final String LEGACY_SECRET = "chosen-by-an-admin-in-v0.1";

    @Test
    void anUpgradeEncryptsThePlainSecretsKeepingEachOnesKey() throws Exception {
        // Given a database of the previous version (up to its last migration) with a secret stored in clear
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:webhook-secrets-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        H2Migrations.on(dataSource).target("2026.11.25.80").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("insert into webhook_subscription (url, event_types, secret, created_at) "
                + "values ('https://hooks.example.com/', 'new-hire-created', :secret, current_timestamp)")
                .param("secret", LEGACY_SECRET).update();

        // When this version's migrations run, the Java one with the configured key among them
        SecretCipher cipher = SecretCipherFactory.withKey(ApiIntegrationTest.SECRETS_KEY);
        H2Migrations.on(dataSource, new WebhookSecretsEncryption(cipher)).load().migrate();

        // Then the table holds no secret in clear, and what it holds is the same HMAC key in the whsec_ form
        List<String> stored = jdbc.sql("select secret from webhook_subscription").query(String.class).list();
        assertThat(stored).singleElement().asString().startsWith("v1:").doesNotContain(LEGACY_SECRET);
        String secret = cipher.decrypt(stored.get(0));
        assertThat(secret).isEqualTo(WebhookSecret.fromLegacy(LEGACY_SECRET));
        assertThat(WebhookSignatures.legacy(secret, "{}")).isEqualTo("sha256=" + hmacHex(LEGACY_SECRET, "{}"));
    }

    @Test
    void afterAKeyRotationTheStartReEncryptsUnderTheNewKeyAndTheSecretsStillSign() {
        // Given a subscription whose secrets (current and, mid-rotation, previous) are stored under the old key
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:webhook-keys-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        SecretCipher old = SecretCipherFactory.withKey(ApiIntegrationTest.SECRETS_KEY);
        H2Migrations.on(dataSource, new WebhookSecretsEncryption(old)).load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        String first = WebhookSecret.generate();
        String second = WebhookSecret.generate();
        long id = new WebhookSubscriptions(jdbc, old).create("https://hooks.example.com/",
                List.of(WebhookEventType.NEW_HIRE_CREATED), first, null, java.time.Instant.now()).id();
        new WebhookSubscriptions(jdbc, old).rotate(id, second, java.time.Instant.now().plusSeconds(3600));

        // When the engine starts with a new key, the old one among the previous keys
        String newKey = java.util.Base64.getEncoder().encodeToString("a new 32-byte key for the tests!".getBytes());
        SecretCipher rotated = SecretCipherFactory.withKeys(newKey, ApiIntegrationTest.SECRETS_KEY);
        WebhookSubscriptions subscriptions = new WebhookSubscriptions(jdbc, rotated);
        new WebhookSecretsAtRest(subscriptions, rotated).reencryptUnderTheCurrentKey();

        // Then both are under the new key, so the old key can go, and they decrypt to what they were
        assertThat(subscriptions.storedSecrets()).singleElement().satisfies(stored -> {
            assertThat(rotated.isUnderCurrentKey(stored.secret())).isTrue();
            assertThat(rotated.isUnderCurrentKey(stored.previousSecret())).isTrue();
        });
        assertThat(new WebhookSubscriptions(jdbc, SecretCipherFactory.withKey(newKey))
                .signingSecrets(id, java.time.Instant.now())).containsExactly(second, first);
    }

    private static String hmacHex(String key, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
