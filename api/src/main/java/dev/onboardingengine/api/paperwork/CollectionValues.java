package dev.onboardingengine.api.paperwork;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.onboardingengine.api.audit.AuditLog;
import dev.onboardingengine.api.problem.InvalidInput;

/**
 * Option lists of selection fields. Changing an option never touches the forms where it was already
 * chosen: a paperwork keeps the label it had when chosen (the Workelo guide's "no cascade").
 */
@Service
public class CollectionValues {

    /** The only owner type Workelo documents for option lists. */
    public static final String PAPERWORK_RESOURCE = "PaperworkResource";

    private final JdbcClient jdbc;
    private final AuditLog audit;

    CollectionValues(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** @param parentId null: every option; otherwise only those under this parent */
    @Transactional(readOnly = true)
    public List<CollectionValue> list(long resourceId, Long parentId, int limit, long offset) {
        var query = jdbc.sql("select * from collection_value where resource_type = :type and resource_id = :resource"
                + (parentId == null ? "" : " and parent_id = :parent")
                + " order by position, id limit :limit offset :offset")
                .param("type", PAPERWORK_RESOURCE).param("resource", resourceId).param("limit", limit)
                .param("offset", offset);
        return (parentId == null ? query : query.param("parent", parentId)).query(CollectionValues::map).list();
    }

    @Transactional(readOnly = true)
    public long count(long resourceId, Long parentId) {
        var query = jdbc
                .sql("select count(*) from collection_value where resource_type = :type and resource_id = :resource"
                        + (parentId == null ? "" : " and parent_id = :parent"))
                .param("type", PAPERWORK_RESOURCE).param("resource", resourceId);
        return (parentId == null ? query : query.param("parent", parentId)).query(Long.class).single();
    }

    @Transactional(readOnly = true)
    public Optional<CollectionValue> find(long id) {
        return jdbc.sql("select * from collection_value where id = :id").param("id", id).query(CollectionValues::map)
                .optional();
    }

    /**
     * The option of a list that a client's answer names: its id, its external id or its label, in this
     * order of precedence.
     */
    @Transactional(readOnly = true)
    public Optional<CollectionValue> choose(long resourceId, String answer) {
        if (answer == null || answer.isBlank()) {
            return Optional.empty();
        }
        String wanted = answer.strip();
        if (wanted.matches("\\d{1,18}")) {
            Optional<CollectionValue> byId = find(Long.parseLong(wanted))
                    .filter(value -> value.resourceId() == resourceId
                            && PAPERWORK_RESOURCE.equals(value.resourceType()));
            if (byId.isPresent()) {
                return byId;
            }
        }
        return jdbc
                .sql("""
                        select * from collection_value where resource_type = :type and resource_id = :resource
                        and (external_id = :wanted or label = :wanted) order by case when external_id = :wanted then 0 else 1 end, id
                        limit 1""")
                .param("type", PAPERWORK_RESOURCE).param("resource", resourceId).param("wanted", wanted)
                .query(CollectionValues::map).optional();
    }

    /**
     * @param position null: after the last option
     * @throws InvalidOption naming label, externalId, position or parentId
     */
    @Transactional
    public CollectionValue create(long resourceId, String label, String externalId, Integer position, Long parentId,
            Long actorId, Instant now) {
        List<InvalidInput.Violation> violations = new ArrayList<>();
        checkLabel(label, violations);
        checkExternalId(resourceId, externalId, null, violations);
        checkPosition(position, violations);
        checkParent(parentId, null, violations);
        if (!violations.isEmpty()) {
            throw new InvalidOption(violations);
        }
        int at = position != null
                ? position
                : jdbc.sql("select coalesce(max(position), 0) + 1 from collection_value where resource_type = :type"
                        + " and resource_id = :resource").param("type", PAPERWORK_RESOURCE)
                        .param("resource", resourceId)
                        .query(Integer.class).single();
        if (position != null) {
            makeRoomAt(resourceId, parentId, at, null);
        }
        long id = insert(resourceId, label.strip(), blankToNull(externalId), at, parentId, now);
        audit.record("collection_value_creation", actorId, "collection_value", id,
                "%s in list %d".formatted(label.strip(), resourceId), now);
        return find(id).orElseThrow();
    }

    /**
     * Relabels, reorders or moves an option; null leaves a field as it is.
     *
     * @throws InvalidOption naming label, externalId, position or parentId
     */
    @Transactional
    public CollectionValue update(CollectionValue current, String label, String externalId, Integer position,
            Long parentId, Long actorId, Instant now) {
        List<InvalidInput.Violation> violations = new ArrayList<>();
        if (label != null) {
            checkLabel(label, violations);
        }
        if (externalId != null) {
            checkExternalId(current.resourceId(), externalId, current.id(), violations);
        }
        checkPosition(position, violations);
        if (parentId != null) {
            checkParent(parentId, current.id(), violations);
        }
        if (!violations.isEmpty()) {
            throw new InvalidOption(violations);
        }
        if (position != null && position != current.position()) {
            makeRoomAt(current.resourceId(), parentId != null ? parentId : current.parentId(), position, current.id());
        }
        jdbc.sql("""
                update collection_value set label = :label, external_id = :external, position = :position,
                parent_id = :parent, updated_at = :now where id = :id""")
                .param("label", label != null ? label.strip() : current.label())
                .param("external", externalId != null ? blankToNull(externalId) : current.externalId())
                .param("position", position != null ? position : current.position())
                .param("parent", parentId != null ? parentId : current.parentId())
                .param("now", Timestamp.from(now)).param("id", current.id()).update();
        CollectionValue updated = find(current.id()).orElseThrow();
        audit.record("collection_value_update", actorId, "collection_value", current.id(),
                "%s -> %s, position %d, parent %s".formatted(current.label(), updated.label(), updated.position(),
                        updated.parentId()),
                now);
        return updated;
    }

    /**
     * An option put at a position another option of the same list and parent holds pushes that one, and
     * the ones after it, one down, as inserting into a list does (Workelo's guide); a free position is
     * taken as it is. The list's resource row is locked first so that two insertions cannot interleave.
     */
    private void makeRoomAt(long resourceId, Long parentId, int position, Long moving) {
        jdbc.sql("select id from paperwork_resource where id = :resource for update").param("resource", resourceId)
                .query(Long.class).optional();
        String siblings = " resource_type = :type and resource_id = :resource"
                + (parentId == null ? " and parent_id is null" : " and parent_id = :parent")
                + (moving == null ? "" : " and id <> :moving");
        boolean taken = jdbc.sql("select count(*) from collection_value where" + siblings + " and position = :position")
                .params(siblingParams(resourceId, parentId, moving)).param("position", position)
                .query(Long.class).single() > 0;
        if (taken) {
            jdbc.sql("update collection_value set position = position + 1 where" + siblings
                    + " and position >= :position")
                    .params(siblingParams(resourceId, parentId, moving)).param("position", position).update();
        }
    }

    private static java.util.Map<String, Object> siblingParams(long resourceId, Long parentId, Long moving) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("type", PAPERWORK_RESOURCE);
        params.put("resource", resourceId);
        if (parentId != null) {
            params.put("parent", parentId);
        }
        if (moving != null) {
            params.put("moving", moving);
        }
        return params;
    }

    long insert(long resourceId, String label, String externalId, int position, Long parentId, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into collection_value (resource_type, resource_id, label, external_id, position, parent_id,
                created_at, updated_at) values (:type, :resource, :label, :external, :position, :parent, :now, :now)""")
                .param("type", PAPERWORK_RESOURCE).param("resource", resourceId)
                .param("label", PaperworkResources.truncate(label, 255)).param("external", externalId)
                .param("position", position).param("parent", parentId).param("now", Timestamp.from(now))
                .update(key, "id");
        return key.getKey().longValue();
    }

    private static void checkLabel(String label, List<InvalidInput.Violation> violations) {
        if (label == null) {
            violations.add(new InvalidInput.Violation("label", "required", null));
        } else if (label.isBlank()) {
            violations.add(new InvalidInput.Violation("label", "blank", label));
        } else if (label.strip().length() > 255) {
            violations.add(new InvalidInput.Violation("label", "too_long", 255));
        }
    }

    private void checkExternalId(long resourceId, String externalId, Long self,
            List<InvalidInput.Violation> violations) {
        if (externalId == null || externalId.isBlank()) {
            return;
        }
        if (externalId.length() > 100) {
            violations.add(new InvalidInput.Violation("externalId", "too_long", 100));
            return;
        }
        boolean taken = jdbc.sql("""
                select count(*) from collection_value where resource_type = :type and resource_id = :resource
                and external_id = :external and id <> :self""").param("type", PAPERWORK_RESOURCE)
                .param("resource", resourceId).param("external", externalId).param("self", self == null ? -1L : self)
                .query(Long.class).single() > 0;
        if (taken) {
            violations.add(new InvalidInput.Violation("externalId", "duplicate", externalId));
        }
    }

    private static void checkPosition(Integer position, List<InvalidInput.Violation> violations) {
        if (position != null && position < 0) {
            violations.add(new InvalidInput.Violation("position", "out_of_range", position));
        }
    }

    /** The parent must exist and, when moving an option, must not be the option itself or one below it. */
    private void checkParent(Long parentId, Long self, List<InvalidInput.Violation> violations) {
        if (parentId == null) {
            return;
        }
        Set<Long> seen = new HashSet<>();
        Long cursor = parentId;
        while (cursor != null) {
            if (cursor.equals(self)) {
                violations.add(new InvalidInput.Violation("parentId", "parent_cycle", parentId));
                return;
            }
            if (!seen.add(cursor)) {
                return; // an existing loop above: not this change's doing
            }
            Optional<CollectionValue> found = find(cursor);
            if (found.isEmpty()) {
                violations.add(new InvalidInput.Violation("parentId", "unknown_reference", parentId));
                return;
            }
            cursor = found.get().parentId();
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static CollectionValue map(ResultSet rs, int row) throws SQLException {
        return new CollectionValue(rs.getLong("id"), rs.getString("resource_type"), rs.getLong("resource_id"),
                rs.getString("label"), rs.getString("external_id"), rs.getInt("position"),
                rs.getObject("parent_id", Long.class), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
