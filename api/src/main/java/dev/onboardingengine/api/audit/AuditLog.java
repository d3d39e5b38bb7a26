package dev.onboardingengine.api.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail. Every mutation writes one entry in the transaction of the change, so the trail
 * holds exactly what was committed. Entries are never updated or deleted.
 */
@Component
public class AuditLog {

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param actorId the employee whose credentials made the change, or null for the engine itself
     * @param summary what changed, without secrets
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String event, Long actorId, String subjectType, Object subjectId, String summary, Instant at) {
        jdbc.sql("""
                insert into audit_entry (uuid, event, actor_id, subject_type, subject_id, summary, occurred_at)
                values (:uuid, :event, :actorId, :subjectType, :subjectId, :summary, :at)
                """)
                .param("uuid", UUID.randomUUID())
                .param("event", event)
                .param("actorId", actorId)
                .param("subjectType", subjectType)
                .param("subjectId", String.valueOf(subjectId))
                .param("summary", summary)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }
}
