package dev.onboardingengine.api.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The webhook_delivery table: what is owed to each subscription, and the log of what was sent. A
 * delivery is {@code pending} until an attempt answers 2xx ({@code delivered}) or the attempts run
 * out ({@code failed}). A subscription's deliveries are sent in the order they were written: only its
 * oldest pending one is ever attempted.
 */
@Repository
class WebhookDeliveries {

    static final String PENDING = "pending";
    static final String DELIVERED = "delivered";
    static final String FAILED = "failed";
    /** The log keeps a short reason, never what the receiver answered. */
    private static final int MAX_ERROR_LENGTH = 200;

    private final JdbcClient jdbc;

    WebhookDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A subscription's next delivery, with what sending it needs. */
    record Head(long id, long subscriptionId, String url, String eventId, WebhookEventType eventType, String payload,
            int attempts, Instant nextAttemptAt) {

        boolean isDue(Instant now) {
            return !nextAttemptAt.isAfter(now);
        }
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

    /**
     * Subscriptions whose next delivery (their oldest pending one: deliveries go in order) is due and
     * that no node holds, those waiting longest first.
     */
    List<Long> dueSubscriptions(Instant now, int limit) {
        // The limit is our own configuration, an int: inlined because PostgreSQL and H2 disagree on binding it.
        return jdbc.sql("""
                select h.subscription_id from webhook_delivery h
                join webhook_subscription s on s.id = h.subscription_id
                where h.status = 'pending' and h.next_attempt_at <= :now
                  and (s.lease_until is null or s.lease_until < :now)
                  and not exists (select 1 from webhook_delivery e
                                  where e.subscription_id = h.subscription_id and e.status = 'pending' and e.id < h.id)
                order by h.next_attempt_at, h.subscription_id
                fetch first %d rows only""".formatted(Math.max(1, limit)))
                .param("now", Timestamp.from(now))
                .query(Long.class).list();
    }

    /** The subscription's oldest pending delivery, due or not. */
    Optional<Head> head(long subscriptionId) {
        return jdbc
                .sql("""
                        select d.id, d.subscription_id, s.url, d.event_id, d.event_type, d.payload, d.attempts, d.next_attempt_at
                        from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id
                        where d.subscription_id = :subscription and d.status = 'pending'
                        order by d.id fetch first 1 rows only""")
                .param("subscription", subscriptionId)
                .query((rs, row) -> new Head(rs.getLong("id"), rs.getLong("subscription_id"), rs.getString("url"),
                        rs.getString("event_id"), WebhookEventType.named(rs.getString("event_type")).orElseThrow(),
                        rs.getString("payload"), rs.getInt("attempts"), rs.getTimestamp("next_attempt_at").toInstant()))
                .optional();
    }

    void delivered(long id, int attempts, int statusCode, Instant now) {
        jdbc.sql("""
                update webhook_delivery set status = 'delivered', attempts = :attempts, status_code = :code,
                    last_error = null, last_attempt_at = :now, delivered_at = :now
                where id = :id""")
                .param("id", id).param("attempts", attempts).param("code", statusCode).param("now", Timestamp.from(now))
                .update();
    }

    /** A failed attempt: retried at {@code next}, or given up when {@code next} is null. */
    void attemptFailed(long id, int attempts, Integer statusCode, String error, Instant now, Instant next) {
        String message = error == null
                ? null
                : error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
        jdbc.sql("""
                update webhook_delivery set status = :status, attempts = :attempts, status_code = :code,
                    last_error = :error, last_attempt_at = :now, next_attempt_at = :next
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
        return new Logged(rs.getLong("id"), rs.getString("event_id"), rs.getString("event_type"),
                rs.getString("status"),
                rs.getInt("attempts"), statusCode, rs.getString("last_error"), instant(rs, "created_at"),
                instant(rs, "last_attempt_at"),
                PENDING.equals(rs.getString("status")) ? instant(rs, "next_attempt_at") : null,
                instant(rs, "delivered_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
