package dev.onboardingengine.api.webhook;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The webhook_subscription table. Event types are stored comma-separated, in their wire names. */
@Repository
class WebhookSubscriptions {

    private final JdbcClient jdbc;

    WebhookSubscriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Subscription(long id, String url, List<WebhookEventType> eventTypes, String secret, Instant createdAt) {

        boolean wants(WebhookEventType type) {
            return eventTypes.contains(type);
        }
    }

    Subscription create(String url, List<WebhookEventType> types, String secret, Long createdBy, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into webhook_subscription (url, event_types, secret, created_by, created_at)
                values (:url, :types, :secret, :createdBy, :now)""")
                .param("url", url).param("types", String.join(",", types.stream().map(WebhookEventType::wireName).toList()))
                .param("secret", secret).param("createdBy", createdBy).param("now", Timestamp.from(now))
                .update(key, "id");
        return new Subscription(key.getKey().longValue(), url, types, secret, now);
    }

    List<Subscription> all() {
        return jdbc.sql("select id, url, event_types, secret, created_at from webhook_subscription order by id")
                .query(WebhookSubscriptions::map).list();
    }

    Optional<Subscription> find(long id) {
        return jdbc.sql("select id, url, event_types, secret, created_at from webhook_subscription where id = :id")
                .param("id", id).query(WebhookSubscriptions::map).optional();
    }

    /** Deletes the subscription with its delivery log and any delivery still owed. */
    boolean delete(long id) {
        return jdbc.sql("delete from webhook_subscription where id = :id").param("id", id).update() == 1;
    }

    List<Subscription> subscribedTo(WebhookEventType type) {
        return all().stream().filter(subscription -> subscription.wants(type)).toList();
    }

    private static Subscription map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        List<WebhookEventType> types = Arrays.stream(rs.getString("event_types").split(","))
                .map(WebhookEventType::named).flatMap(Optional::stream).toList();
        return new Subscription(rs.getLong("id"), rs.getString("url"), types, rs.getString("secret"),
                rs.getTimestamp("created_at").toInstant());
    }
}
