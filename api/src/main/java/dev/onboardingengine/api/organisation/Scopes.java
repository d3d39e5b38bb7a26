package dev.onboardingengine.api.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.onboardingengine.api.audit.AuditLog;

/** Access scopes: which units (with everything below them) an employee manages. */
@Service
public class Scopes {

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final AuditLog audit;

    Scopes(JdbcClient jdbc, Organisations organisations, AuditLog audit) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<Scope> of(long employeeId) {
        return jdbc.sql("select id, employee_id, unit_organization_id, created_at from unit_organization_management "
                + "where employee_id = :e order by id")
                .param("e", employeeId)
                .query(Scopes::map)
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<Scope> find(long id) {
        return jdbc.sql("select id, employee_id, unit_organization_id, created_at from unit_organization_management "
                + "where id = :id")
                .param("id", id)
                .query(Scopes::map)
                .optional();
    }

    /** The units the employee may reach: those of its scopes and all below them; empty without scopes. */
    @Transactional(readOnly = true)
    public Set<Long> reachableUnits(long employeeId) {
        return organisations.withDescendants(of(employeeId).stream().map(Scope::unitOrganizationId).toList());
    }

    /** @param employeeId an existing employee (the caller checks) */
    @Transactional
    public Scope grant(long employeeId, Long unitId, Long actorId) {
        if (unitId == null) {
            throw InvalidUnit.of("unitOrganizationId", "required", null);
        }
        if (!organisations.exists(unitId)) {
            throw InvalidUnit.of("unitOrganizationId", "unknown_reference", unitId);
        }
        if (of(employeeId).stream().anyMatch(scope -> scope.unitOrganizationId() == unitId)) {
            throw InvalidUnit.of("unitOrganizationId", "duplicate", unitId);
        }
        Instant now = Instant.now();
        KeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("insert into unit_organization_management (employee_id, unit_organization_id, created_at) "
                    + "values (:e, :u, :now)")
                    .param("e", employeeId)
                    .param("u", unitId)
                    .param("now", now.atOffset(ZoneOffset.UTC))
                    .update(keys, "id");
        } catch (DataIntegrityViolationException raced) {
            throw InvalidUnit.of("unitOrganizationId", "duplicate", unitId);
        }
        Scope scope = find(keys.getKey().longValue()).orElseThrow();
        audit.record("unit_organization_management_creation", actorId, "employee", employeeId,
                "Employee %d manages unit %d".formatted(employeeId, unitId), now, null,
                Map.of("unit_organization_management_id", scope.id(), "unit_organization_id", unitId));
        return scope;
    }

    @Transactional
    public void revoke(long id, Long actorId) {
        Scope scope = find(id).orElseThrow(() -> new ScopeNotFound(id));
        jdbc.sql("delete from unit_organization_management where id = :id").param("id", id).update();
        audit.record("unit_organization_management_deletion", actorId, "employee", scope.employeeId(),
                "Employee %d no longer manages unit %d".formatted(scope.employeeId(), scope.unitOrganizationId()),
                Instant.now(), Map.of("unit_organization_management_id", id,
                        "unit_organization_id", scope.unitOrganizationId()),
                null);
    }

    private static Scope map(ResultSet rs, int row) throws SQLException {
        return new Scope(rs.getLong("id"), rs.getLong("employee_id"), rs.getLong("unit_organization_id"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
