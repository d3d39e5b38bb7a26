package dev.onboardingengine.api.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The webhook_delivery table: what is owed to each subscription, and the log of what was sent. A
 * delivery is {@code pending} until an attempt answers 2xx ({@code delivered}) or the attempts run
 * out ({@code failed}).
 */
@Repository
class WebhookDeliveries {

    static final String PENDING = "pending";
    static final String DELIVERED = "delivered";
    static final String FAILED = "failed";
    private static final int MAX_ERROR_LENGTH = 1000;

    private final JdbcClient jdbc;

    WebhookDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A delivery to attempt, with what sending it needs. */
    record Due(long id, String url, String secret, String eventId, WebhookEventType eventType, String payload,
            int attempts) {
    }

    /** One line of a subscription's delivery log. */
    record Logged(long id, String eventId, String eventType, String status, int attempts, Integer statusCode,
            String lastError, Instant createdAt, Instant lastAttemptAt, Instant nextAttemptAt, Instant deliveredAt) {
    }

    void enqueue(long subscriptionId, String eventId, WebhookEventType type, String payload, Instant now) {
        jdbc.sql("""
                insert into webhook_delivery (subscription_id, event_id, event_type, payload, status, attempts,
                    created_at, next_attempt_at)
                values (:subscription, :eventId, :type, :payload, 'pending', 0, :now, :now)""")
                .param("subscription", subscriptionId).param("eventId", eventId).param("type", type.wireName())
                .param("payload", payload).param("now", Timestamp.from(now)).update();
    }

    List<Due> due(Instant now, int limit) {
        // The limit is our own configuration, an int: inlined because PostgreSQL and H2 disagree on binding it.
        return jdbc.sql("""
                select d.id, s.url, s.secret, d.event_id, d.event_type, d.payload, d.attempts
                from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id
                where d.status = 'pending' and d.next_attempt_at <= :now
                  and (d.claimed_until is null or d.claimed_until < :now)
                order by d.next_attempt_at, d.id
                fetch first %d rows only""".formatted(Math.max(1, limit)))
                .param("now", Timestamp.from(now))
                .query((rs, row) -> new Due(rs.getLong("id"), rs.getString("url"), rs.getString("secret"),
                        rs.getString("event_id"), WebhookEventType.named(rs.getString("event_type")).orElseThrow(),
                        rs.getString("payload"), rs.getInt("attempts")))
                .list();
    }

    /**
     * Takes a delivery for one attempt: only one node wins it, and if that node dies the claim lapses
     * and another node sends it (at least once, which is why receivers deduplicate on the event id).
     */
    boolean claim(long id, Instant now, Instant until) {
        return jdbc.sql("""
                update webhook_delivery set claimed_until = :until
                where id = :id and status = 'pending' and (claimed_until is null or claimed_until < :now)""")
                .param("id", id).param("now", Timestamp.from(now)).param("until", Timestamp.from(until)).update() == 1;
    }

    void delivered(long id, int attempts, int statusCode, Instant now) {
        jdbc.sql("""
                update webhook_delivery set status = 'delivered', attempts = :attempts, status_code = :code,
                    last_error = null, last_attempt_at = :now, delivered_at = :now, claimed_until = null
                where id = :id""")
                .param("id", id).param("attempts", attempts).param("code", statusCode).param("now", Timestamp.from(now))
                .update();
    }

    /** A failed attempt: retried at {@code next}, or given up when {@code next} is null. */
    void attemptFailed(long id, int attempts, Integer statusCode, String error, Instant now, Instant next) {
        String message = error == null ? null
                : error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
        jdbc.sql("""
                update webhook_delivery set status = :status, attempts = :attempts, status_code = :code,
                    last_error = :error, last_attempt_at = :now, next_attempt_at = :next, claimed_until = null
                where id = :id""")
                .param("id", id).param("status", next == null ? FAILED : PENDING).param("attempts", attempts)
                .param("code", statusCode).param("error", message).param("now", Timestamp.from(now))
                .param("next", Timestamp.from(next == null ? now : next)).update();
    }

    List<Logged> logOf(long subscriptionId, int limit) {
        return jdbc.sql("""
                select id, event_id, event_type, status, attempts, status_code, last_error, created_at,
                    last_attempt_at, next_attempt_at, delivered_at
                from webhook_delivery where subscription_id = :subscription
                order by id desc fetch first %d rows only""".formatted(Math.max(1, limit)))
                .param("subscription", subscriptionId).query(WebhookDeliveries::map).list();
    }

    private static Logged map(ResultSet rs, int row) throws SQLException {
        int code = rs.getInt("status_code");
        Integer statusCode = rs.wasNull() ? null : code;
        return new Logged(rs.getLong("id"), rs.getString("event_id"), rs.getString("event_type"), rs.getString("status"),
                rs.getInt("attempts"), statusCode, rs.getString("last_error"), instant(rs, "created_at"),
                instant(rs, "last_attempt_at"), PENDING.equals(rs.getString("status")) ? instant(rs, "next_attempt_at") : null,
                instant(rs, "delivered_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
