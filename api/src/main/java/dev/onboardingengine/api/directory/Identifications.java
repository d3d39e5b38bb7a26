package dev.onboardingengine.api.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.onboardingengine.api.audit.AuditLog;
import dev.onboardingengine.api.problem.InvalidInput;

/** Identification fields and their values. An employee has at most one value per field. */
@Service
public class Identifications {

    private static final int MAX_VALUE_LENGTH = 1000;

    private final JdbcClient jdbc;
    private final AuditLog audit;

    Identifications(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<IdentificationResource> resources() {
        return jdbc.sql("select id, code, name from identification_resource order by id")
                .query((rs, n) -> new IdentificationResource(rs.getLong("id"), rs.getString("code"),
                        rs.getString("name")))
                .list();
    }

    @Transactional(readOnly = true)
    public List<Identification> of(long employeeId) {
        return jdbc.sql("select id, employee_id, identification_resource_id, identifier, created_at, updated_at "
                + "from employee_identification where employee_id = :e order by identification_resource_id")
                .param("e", employeeId)
                .query(Identifications::map)
                .list();
    }

    /**
     * Sets the employee's value of a field: creates it, or replaces the value already there.
     *
     * @param employeeId an existing employee (the caller checks, with the caller's reach)
     * @return the stored value, and whether it is new
     */
    @Transactional
    public Stored set(long employeeId, Long resourceId, String value, Long actorId) {
        List<InvalidInput.Violation> violations = new ArrayList<>();
        if (resourceId == null) {
            violations.add(new InvalidInput.Violation("identification_resource_id", "required", null));
        } else if (resources().stream().noneMatch(resource -> resource.id() == resourceId)) {
            violations.add(new InvalidInput.Violation("identification_resource_id", "unknown_reference", resourceId));
        }
        if (value == null) {
            violations.add(new InvalidInput.Violation("value", "required", null));
        } else if (value.isBlank()) {
            violations.add(new InvalidInput.Violation("value", "blank", value));
        } else if (value.length() > MAX_VALUE_LENGTH) {
            violations.add(new InvalidInput.Violation("value", "too_long", MAX_VALUE_LENGTH));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        Instant now = Instant.now();
        Optional<Identification> existing = of(employeeId).stream()
                .filter(identification -> identification.identificationResourceId() == resourceId).findFirst();
        Map<String, Object> after = new HashMap<>(
                Map.of("identification_resource_id", resourceId, "value", value.trim()));
        if (existing.isPresent()) {
            jdbc.sql("update employee_identification set identifier = :v, updated_at = :now where id = :id")
                    .param("v", value.trim())
                    .param("now", now.atOffset(ZoneOffset.UTC))
                    .param("id", existing.get().id())
                    .update();
            audit.record("identification_update", actorId, "employee", employeeId,
                    "Identification %d changed".formatted(resourceId), now,
                    Map.of("identification_resource_id", resourceId, "value", existing.get().value()), after);
        } else {
            try {
                jdbc.sql(
                        """
                                insert into employee_identification (employee_id, identification_resource_id, identifier, created_at,
                                                                     updated_at)
                                values (:e, :r, :v, :now, :now)
                                """)
                        .param("e", employeeId)
                        .param("r", resourceId)
                        .param("v", value.trim())
                        .param("now", now.atOffset(ZoneOffset.UTC))
                        .update();
            } catch (DuplicateKeyException raced) {
                // Two first values for the same field at once: one wins, the other is told to try again.
                throw InvalidInput.of("identification_resource_id", "duplicate", resourceId);
            }
            audit.record("identification_creation", actorId, "employee", employeeId,
                    "Identification %d set".formatted(resourceId), now, null, after);
        }
        Identification stored = of(employeeId).stream()
                .filter(identification -> identification.identificationResourceId() == resourceId)
                .findFirst().orElseThrow();
        return new Stored(stored, existing.isEmpty());
    }

    public record Stored(Identification identification, boolean created) {
    }

    private static Identification map(ResultSet rs, int row) throws SQLException {
        return new Identification(rs.getLong("id"), rs.getLong("employee_id"), rs.getLong("identification_resource_id"),
                rs.getString("identifier"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
