package dev.onboardingengine.api.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.onboardingengine.api.audit.AuditLog;
import dev.onboardingengine.api.input.FieldLimits;
import dev.onboardingengine.api.problem.InvalidInput;

/**
 * The organisation hierarchy: levels, and units arranged in a tree. A unit's parent must exist and a
 * unit can never become its own ancestor, so the tree has no cycles and every walk down it ends.
 */
@Service
public class Organisations {

    static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2,3}([-_][A-Za-z0-9]{2,8})*$");
    private static final String UNIT_COLUMNS = "id, external_id, name, level_organization_id, parent_id, language, created_at, updated_at";

    private final JdbcClient jdbc;
    private final AuditLog audit;

    Organisations(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<LevelOrganization> levels() {
        return jdbc.sql("select id, name, position from level_organization order by position, id")
                .query((rs, n) -> new LevelOrganization(rs.getLong("id"), rs.getString("name"), rs.getInt("position")))
                .list();
    }

    /** Units, of one level when levelId is given, by id. */
    @Transactional(readOnly = true)
    public List<UnitOrganization> units(Long levelId) {
        return jdbc.sql("select " + UNIT_COLUMNS + " from unit_organization"
                + (levelId == null ? "" : " where level_organization_id = :level") + " order by id")
                .paramSource(levelId == null ? Map.of() : Map.of("level", levelId))
                .query(Organisations::map)
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<UnitOrganization> find(long id) {
        return jdbc.sql("select " + UNIT_COLUMNS + " from unit_organization where id = :id")
                .param("id", id)
                .query(Organisations::map)
                .optional();
    }

    public boolean exists(long id) {
        return find(id).isPresent();
    }

    /** The given units and every unit below them. */
    @Transactional(readOnly = true)
    public Set<Long> withDescendants(Collection<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return Set.of();
        }
        // "union" (not "union all") also stops on a cycle, should one ever reach the table.
        return new HashSet<>(jdbc.sql("""
                with recursive tree (id) as (
                    select id from unit_organization where id in (:ids)
                    union
                    select u.id from unit_organization u join tree t on u.parent_id = t.id
                )
                select id from tree
                """)
                .param("ids", unitIds)
                .query(Long.class)
                .list());
    }

    /** @throws InvalidUnit naming every bad field; nothing is written then */
    @Transactional
    public UnitOrganization create(UnitChange unit, Long actorId) {
        List<InvalidInput.Violation> violations = new ArrayList<>();
        required(violations, "name", unit.name());
        if (unit.levelOrganizationId() == null) {
            violations.add(new InvalidInput.Violation("levelOrganizationId", "required", null));
        }
        validate(violations, null, unit);
        if (!violations.isEmpty()) {
            throw new InvalidUnit(violations);
        }
        Instant now = Instant.now();
        KeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into unit_organization (external_id, name, level_organization_id, parent_id, language,
                                                   created_at, updated_at)
                    values (:externalId, :name, :level, :parent, :language, :now, :now)
                    """)
                    .param("externalId", blankToNull(unit.externalId()))
                    .param("name", unit.name().trim())
                    .param("level", unit.levelOrganizationId())
                    .param("parent", unit.parentId())
                    .param("language", blankToNull(unit.language()))
                    .param("now", now.atOffset(ZoneOffset.UTC))
                    .update(keys, "id");
        } catch (DuplicateKeyException raced) {
            throw InvalidUnit.of("externalId", "duplicate", unit.externalId());
        }
        UnitOrganization created = find(keys.getKey().longValue()).orElseThrow();
        audit.record("unit_organization_creation", actorId, "unit_organization", created.id(),
                "Unit %s (%s) created".formatted(created.name(), created.externalId()), now, null, state(created));
        return created;
    }

    /**
     * Changes the given fields of a unit (null: unchanged); moving it below itself or one of its own
     * descendants is refused.
     */
    @Transactional
    public UnitOrganization update(long id, UnitChange change, Long actorId) {
        UnitOrganization before = find(id).orElseThrow(() -> new UnitOrganizationNotFound(id));
        List<InvalidInput.Violation> violations = new ArrayList<>();
        if (change.name() != null) {
            required(violations, "name", change.name());
        }
        validate(violations, id, change);
        if (!violations.isEmpty()) {
            throw new InvalidUnit(violations);
        }
        Long parent = change.parentId() != null ? change.parentId() : before.parentId();
        Instant now = Instant.now();
        try {
            jdbc.sql(
                    """
                            update unit_organization set external_id = :externalId, name = :name, level_organization_id = :level,
                                   parent_id = :parent, language = :language, updated_at = :now
                            where id = :id
                            """)
                    .param("externalId",
                            change.externalId() != null ? blankToNull(change.externalId()) : before.externalId())
                    .param("name", change.name() != null ? change.name().trim() : before.name())
                    .param("level",
                            change.levelOrganizationId() != null
                                    ? change.levelOrganizationId()
                                    : before.levelOrganizationId())
                    .param("parent", parent)
                    .param("language", change.language() != null ? blankToNull(change.language()) : before.language())
                    .param("now", now.atOffset(ZoneOffset.UTC))
                    .param("id", id)
                    .update();
        } catch (DuplicateKeyException raced) {
            throw InvalidUnit.of("externalId", "duplicate", change.externalId());
        }
        UnitOrganization after = find(id).orElseThrow();
        audit.record("unit_organization_update", actorId, "unit_organization", id,
                "Unit %s changed".formatted(after.name()), now, state(before), state(after));
        return after;
    }

    private void validate(List<InvalidInput.Violation> violations, Long self, UnitChange unit) {
        if (FieldLimits.tooLong(unit.externalId(), FieldLimits.EXTERNAL_ID)) {
            violations.add(new InvalidInput.Violation("externalId", FieldLimits.TOO_LONG, FieldLimits.EXTERNAL_ID));
        } else if (unit.externalId() != null && !unit.externalId().isBlank()
                && externalIdTaken(unit.externalId().trim(), self)) {
            violations.add(new InvalidInput.Violation("externalId", "duplicate", unit.externalId()));
        }
        if (unit.levelOrganizationId() != null
                && levels().stream().noneMatch(l -> l.id() == unit.levelOrganizationId())) {
            violations.add(new InvalidInput.Violation("levelOrganizationId", "unknown_reference",
                    unit.levelOrganizationId()));
        }
        if (unit.parentId() != null) {
            if (!exists(unit.parentId())) {
                violations.add(new InvalidInput.Violation("parentId", "unknown_reference", unit.parentId()));
            } else if (self != null && withDescendants(List.of(self)).contains(unit.parentId())) {
                violations.add(new InvalidInput.Violation("parentId", "cycle", unit.parentId()));
            }
        }
        if (FieldLimits.tooLong(unit.language(), FieldLimits.LANGUAGE)) {
            violations.add(new InvalidInput.Violation("language", FieldLimits.TOO_LONG, FieldLimits.LANGUAGE));
        } else if (unit.language() != null && !unit.language().isBlank()
                && !LANGUAGE.matcher(unit.language()).matches()) {
            violations.add(new InvalidInput.Violation("language", "invalid_choice", unit.language()));
        }
    }

    private boolean externalIdTaken(String externalId, Long self) {
        return jdbc.sql("select id from unit_organization where external_id = :e")
                .param("e", externalId)
                .query(Long.class)
                .list().stream().anyMatch(id -> !Objects.equals(id, self));
    }

    private static void required(List<InvalidInput.Violation> violations, String field, String value) {
        if (value == null) {
            violations.add(new InvalidInput.Violation(field, "required", null));
        } else if (value.isBlank()) {
            violations.add(new InvalidInput.Violation(field, "blank", value));
        }
    }

    private static Map<String, Object> state(UnitOrganization unit) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("external_id", unit.externalId());
        state.put("name", unit.name());
        state.put("level_organization_id", unit.levelOrganizationId());
        state.put("parent_id", unit.parentId());
        state.put("language", unit.language());
        return state;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static UnitOrganization map(ResultSet rs, int row) throws SQLException {
        return new UnitOrganization(rs.getLong("id"), rs.getString("external_id"), rs.getString("name"),
                rs.getLong("level_organization_id"), (Long) rs.getObject("parent_id", Long.class),
                rs.getString("language"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
