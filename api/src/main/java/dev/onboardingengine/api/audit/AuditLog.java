package dev.onboardingengine.api.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The audit trail. Every mutation writes one entry in the transaction of the change, so the trail
 * holds exactly what was committed. Entries are never updated or deleted: this class has no method
 * that could, and the API only reads them.
 */
@Component
public class AuditLog {

    private static final int MAX_STATE_LENGTH = 4000;
    private static final String COLUMNS = "uuid, event, actor_id, subject_type, subject_id, summary, before_state, after_state, occurred_at";

    private final JdbcClient jdbc;
    private final ObjectMapper objectMapper;

    AuditLog(JdbcClient jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    /**
     * @param actorId the employee whose credentials made the change, or null for the engine itself
     * @param summary what changed, without secrets
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String event, Long actorId, String subjectType, Object subjectId, String summary, Instant at) {
        record(event, actorId, subjectType, subjectId, summary, at, null, null);
    }

    /**
     * @param before the subject's fields before the change (null for a creation); with both states
     *        given, only the fields that differ are kept
     * @param after the subject's fields after the change (null for a deletion)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String event, Long actorId, String subjectType, Object subjectId, String summary, Instant at,
            Map<String, ?> before, Map<String, ?> after) {
        Map<String, Object> changedBefore = before == null ? null : new LinkedHashMap<>(before);
        Map<String, Object> changedAfter = after == null ? null : new LinkedHashMap<>(after);
        if (changedBefore != null && changedAfter != null) {
            for (String field : new ArrayList<>(changedAfter.keySet())) {
                if (changedBefore.containsKey(field)
                        && Objects.equals(changedBefore.get(field), changedAfter.get(field))) {
                    changedBefore.remove(field);
                    changedAfter.remove(field);
                }
            }
        }
        jdbc.sql("""
                insert into audit_entry (uuid, event, actor_id, subject_type, subject_id, summary, before_state,
                                         after_state, occurred_at)
                values (:uuid, :event, :actorId, :subjectType, :subjectId, :summary, :before, :after, :at)
                """)
                .param("uuid", UUID.randomUUID())
                .param("event", event)
                .param("actorId", actorId)
                .param("subjectType", subjectType)
                .param("subjectId", String.valueOf(subjectId))
                .param("summary", summary)
                .param("before", json(changedBefore))
                .param("after", json(changedAfter))
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }

    @Transactional(readOnly = true)
    public Optional<AuditEntry> find(UUID uuid) {
        return jdbc.sql("select " + COLUMNS + " from audit_entry where uuid = :uuid")
                .param("uuid", uuid)
                .query(AuditLog::map)
                .optional();
    }

    /**
     * Entries matching the filter, newest first.
     *
     * @param event null for every event
     * @param from inclusive, null for no lower bound
     * @param until exclusive, null for no upper bound
     */
    @Transactional(readOnly = true)
    public List<AuditEntry> search(String event, Instant from, Instant until, int limit, long offset) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(event, from, until, params);
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql("select " + COLUMNS + " from audit_entry" + where
                + " order by occurred_at desc, id desc limit :limit offset :offset")
                .params(params)
                .query(AuditLog::map)
                .list();
    }

    @Transactional(readOnly = true)
    public long count(String event, Instant from, Instant until) {
        Map<String, Object> params = new LinkedHashMap<>();
        return jdbc.sql("select count(*) from audit_entry" + where(event, from, until, params))
                .params(params)
                .query(Long.class)
                .single();
    }

    private static String where(String event, Instant from, Instant until, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        if (event != null) {
            conditions.add("event = :event");
            params.put("event", event);
        }
        if (from != null) {
            conditions.add("occurred_at >= :from");
            params.put("from", from.atOffset(ZoneOffset.UTC));
        }
        if (until != null) {
            conditions.add("occurred_at < :until");
            params.put("until", until.atOffset(ZoneOffset.UTC));
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private String json(Map<String, Object> state) {
        if (state == null) {
            return null;
        }
        try {
            String json = objectMapper.writeValueAsString(state);
            // A summary, not an archive: a state too long for its column is cut to a valid JSON object.
            return json.length() <= MAX_STATE_LENGTH
                    ? json
                    : objectMapper.writeValueAsString(Map.of("truncated", json.substring(0, MAX_STATE_LENGTH - 100)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An audit state is plain values", e);
        }
    }

    private static AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getObject("uuid", UUID.class), rs.getString("event"),
                (Long) rs.getObject("actor_id", Long.class), rs.getString("subject_type"), rs.getString("subject_id"),
                rs.getString("summary"), rs.getString("before_state"), rs.getString("after_state"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant());
    }
}
