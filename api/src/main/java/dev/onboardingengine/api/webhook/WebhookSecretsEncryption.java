package dev.onboardingengine.api.webhook;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

import dev.onboardingengine.api.secrets.SecretCipher;

/**
 * Flyway migration 2026.12.02.11: encrypts the webhook secrets that earlier versions stored in clear, in
 * the transaction of the upgrade, so no secret stays readable in the table. Each one becomes the same
 * HMAC key in the {@code whsec_} form ({@link WebhookSecret#fromLegacy}), so receivers keep verifying.
 * A Spring bean (Spring Boot hands {@link JavaMigration} beans to Flyway) because it needs the key.
 */
@Component
class WebhookSecretsEncryption implements JavaMigration {

    private final SecretCipher cipher;

    WebhookSecretsEncryption(SecretCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2026.12.02.11");
    }

    @Override
    public String getDescription() {
        return "encrypt webhook secrets";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        Map<Long, String> plain = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("select id, secret from webhook_subscription");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                plain.put(rs.getLong("id"), rs.getString("secret"));
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update webhook_subscription set secret = ? where id = ?")) {
            for (Map.Entry<Long, String> row : plain.entrySet()) {
                update.setString(1, cipher.encrypt(WebhookSecret.fromLegacy(row.getValue())));
                update.setLong(2, row.getKey());
                update.addBatch();
            }
            if (!plain.isEmpty()) {
                update.executeBatch();
            }
        }
    }
}
