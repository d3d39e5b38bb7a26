package dev.onboardingengine.api.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import dev.onboardingengine.api.secrets.SecretCipher;

/**
 * The webhook_subscription table. Event types are stored comma-separated, in their wire names. Signing
 * secrets are stored only encrypted ({@link SecretCipher}) and decrypted only to sign an attempt; during a
 * rotation the previous one is kept beside the new one until {@code previous_secret_expires_at}.
 *
 * <p>A subscription is also the unit of sending: the node that holds its lease ({@code lease_owner},
 * {@code lease_until}) is the only one sending its deliveries, one at a time and in order.
 */
@Repository
class WebhookSubscriptions {

    private static final String COLUMNS = "id, url, event_types, created_at, previous_secret_expires_at";

    private final JdbcClient jdbc;
    private final SecretCipher cipher;

    WebhookSubscriptions(JdbcClient jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** A subscription as the API shows it: never its secrets. */
    record Subscription(long id, String url, List<WebhookEventType> eventTypes, Instant createdAt,
            Instant previousSecretExpiresAt) {

        boolean wants(WebhookEventType type) {
            return eventTypes.contains(type);
        }
    }

    /** The stored (encrypted) secrets of a subscription. */
    record StoredSecrets(long id, String secret, String previousSecret) {
    }

    Subscription create(String url, List<WebhookEventType> types, String secret, Long createdBy, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into webhook_subscription (url, event_types, secret, created_by, created_at)
                values (:url, :types, :secret, :createdBy, :now)""")
                .param("url", url)
                .param("types", String.join(",", types.stream().map(WebhookEventType::wireName).toList()))
                .param("secret", cipher.encrypt(secret)).param("createdBy", createdBy).param("now", Timestamp.from(now))
                .update(key, "id");
        return new Subscription(key.getKey().longValue(), url, types, now, null);
    }

    List<Subscription> all() {
        return jdbc.sql("select " + COLUMNS + " from webhook_subscription order by id")
                .query(WebhookSubscriptions::map).list();
    }

    Optional<Subscription> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from webhook_subscription where id = :id")
                .param("id", id).query(WebhookSubscriptions::map).optional();
    }

    /** Deletes the subscription with its delivery log and any delivery still owed. */
    boolean delete(long id) {
        return jdbc.sql("delete from webhook_subscription where id = :id").param("id", id).update() == 1;
    }

    List<Subscription> subscribedTo(WebhookEventType type) {
        return all().stream().filter(subscription -> subscription.wants(type)).toList();
    }

    /**
     * Makes {@code secret} the current one; the one it replaces still signs until {@code previousUntil},
     * or stops at once when that is null. A previous secret of an earlier rotation ends here.
     */
    void rotate(long id, String secret, Instant previousUntil) {
        // On the right of SET, "secret" is the value before this update: the one being replaced.
        String previous = previousUntil == null
                ? "previous_secret = null, previous_secret_expires_at = null"
                : "previous_secret = secret, previous_secret_expires_at = :until";
        var update = jdbc.sql("update webhook_subscription set " + previous + ", secret = :secret where id = :id")
                .param("id", id).param("secret", cipher.encrypt(secret));
        if (previousUntil != null) {
            update = update.param("until", Timestamp.from(previousUntil));
        }
        update.update();
    }

    /** The secrets that sign at {@code now}, decrypted: the current one, then the previous while it lasts. */
    List<String> signingSecrets(long id, Instant now) {
        StoredSecrets stored = jdbc
                .sql("""
                        select id, secret, case when previous_secret_expires_at > :now then previous_secret end as previous_secret
                        from webhook_subscription where id = :id""")
                .param("id", id).param("now", Timestamp.from(now))
                .query((rs, row) -> new StoredSecrets(rs.getLong("id"), rs.getString("secret"),
                        rs.getString("previous_secret")))
                .single();
        List<String> secrets = new ArrayList<>(List.of(cipher.decrypt(stored.secret())));
        if (stored.previousSecret() != null) {
            secrets.add(cipher.decrypt(stored.previousSecret()));
        }
        return secrets;
    }

    List<StoredSecrets> storedSecrets() {
        return jdbc.sql("select id, secret, previous_secret from webhook_subscription order by id")
                .query((rs, row) -> new StoredSecrets(rs.getLong("id"), rs.getString("secret"),
                        rs.getString("previous_secret")))
                .list();
    }

    /**
     * Replaces the stored secrets, unless they changed meanwhile (another node re-encrypted them, or a
     * rotation, which always replaces {@code secret}, happened): then nothing changes.
     */
    boolean replaceStoredSecrets(StoredSecrets before, StoredSecrets after) {
        return jdbc.sql("""
                update webhook_subscription set secret = :secret, previous_secret = :previous
                where id = :id and secret = :oldSecret""")
                .param("id", before.id()).param("secret", after.secret()).param("previous", after.previousSecret())
                .param("oldSecret", before.secret()).update() == 1;
    }

    /** Takes the subscription's lease for {@code owner} until {@code until}, if nobody holds it at {@code now}. */
    boolean lease(long id, String owner, Instant now, Instant until) {
        return jdbc.sql("""
                update webhook_subscription set lease_owner = :owner, lease_until = :until
                where id = :id and (lease_until is null or lease_until < :now)""")
                .param("id", id).param("owner", owner).param("now", Timestamp.from(now))
                .param("until", Timestamp.from(until)).update() == 1;
    }

    /** Extends a lease this owner still holds; false when it lapsed and may be another node's now. */
    boolean renewLease(long id, String owner, Instant now, Instant until) {
        return jdbc.sql("""
                update webhook_subscription set lease_until = :until
                where id = :id and lease_owner = :owner and lease_until >= :now""")
                .param("id", id).param("owner", owner).param("now", Timestamp.from(now))
                .param("until", Timestamp.from(until)).update() == 1;
    }

    void releaseLease(long id, String owner) {
        jdbc.sql(
                "update webhook_subscription set lease_owner = null, lease_until = null where id = :id and lease_owner = :owner")
                .param("id", id).param("owner", owner).update();
    }

    private static Subscription map(ResultSet rs, int row) throws SQLException {
        List<WebhookEventType> types = Arrays.stream(rs.getString("event_types").split(","))
                .map(WebhookEventType::named).flatMap(Optional::stream).toList();
        Timestamp previousUntil = rs.getTimestamp("previous_secret_expires_at");
        Instant previousExpires = previousUntil == null || previousUntil.toInstant().isBefore(Instant.now())
                ? null
                : previousUntil.toInstant();
        return new Subscription(rs.getLong("id"), rs.getString("url"), types,
                rs.getTimestamp("created_at").toInstant(), previousExpires);
    }
}
