package dev.onboardingengine.workflow.notification;

import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The notification_sent table: one row per deduplication key ever delivered or skipped. */
@Repository
class SentNotifications {

    enum Delivery {

        SENT, SKIPPED;

        String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final JdbcClient jdbc;

    SentNotifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String dedupKey) {
        return jdbc.sql("select count(*) from notification_sent where dedup_key = :key")
                .param("key", dedupKey)
                .query(Long.class)
                .single() > 0;
    }

    /**
     * @throws org.springframework.dao.DuplicateKeyException when another transaction recorded the key
     *         first; it rolls this one back, and the retry then finds the row
     */
    void record(String dedupKey, String recipient, String template, Delivery delivery, Instant at) {
        jdbc.sql("""
                insert into notification_sent (dedup_key, recipient, template, delivery, sent_at)
                values (:key, :recipient, :template, :delivery, :at)
                """)
                .param("key", dedupKey)
                .param("recipient", recipient)
                .param("template", template)
                .param("delivery", delivery.wireName())
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }
}
