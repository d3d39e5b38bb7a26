package dev.onboardingengine.api.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The employee directory table. Removed employees (deleted_at set) are invisible to every read. */
@Repository
public class Employees {

    private static final String COLUMNS = """
            id, uuid, external_id, first_name, last_name, email, role, phone, position, language, message,
            start_day, time_zone, buddy_id, manager_id, created_at, updated_at
            """;

    private final JdbcClient jdbc;

    Employees(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Emails are compared trimmed and case-insensitively, everywhere. */
    public static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public Employee insert(NewEmployee employee, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        UUID uuid = UUID.randomUUID();
        jdbc.sql("""
                insert into employee (uuid, external_id, first_name, last_name, email, role, phone, position, language,
                                      message, start_day, time_zone, buddy_id, manager_id, created_at, updated_at)
                values (:uuid, :externalId, :firstName, :lastName, :email, :role, :phone, :position, :language,
                        :message, :startDay, :timeZone, :buddyId, :managerId, :now, :now)
                """)
                .param("uuid", uuid)
                .param("externalId", employee.externalId())
                .param("firstName", employee.firstName())
                .param("lastName", employee.lastName())
                .param("email", normalizeEmail(employee.email()))
                .param("role", employee.role().name())
                .param("phone", employee.phone())
                .param("position", employee.position())
                .param("language", employee.language())
                .param("message", employee.message())
                .param("startDay", employee.startDay())
                .param("timeZone", employee.timeZone())
                .param("buddyId", employee.buddyId())
                .param("managerId", employee.managerId())
                .param("now", now.atOffset(ZoneOffset.UTC))
                .update(keys, "id");
        return find(keys.getKey().longValue()).orElseThrow();
    }

    public Optional<Employee> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from employee where id = :id and deleted_at is null")
                .param("id", id)
                .query(Employees::map)
                .optional();
    }

    /** The employee with this external id, current or removed (the unique constraint covers both). */
    public Optional<Employee> findByExternalIdIncludingRemoved(String externalId) {
        return jdbc.sql("select " + COLUMNS + " from employee where external_id = :externalId")
                .param("externalId", externalId)
                .query(Employees::map)
                .optional();
    }

    public Optional<Employee> findByExternalId(String externalId) {
        return jdbc.sql("select " + COLUMNS + " from employee where external_id = :externalId and deleted_at is null")
                .param("externalId", externalId)
                .query(Employees::map)
                .optional();
    }

    /** Overwrites the columns a hire request carries; the id, uuid, external id and creation time stay. */
    public Employee update(long id, NewEmployee employee, Instant now) {
        jdbc.sql("""
                update employee set first_name = :firstName, last_name = :lastName, email = :email, role = :role,
                                    phone = :phone, position = :position, language = :language, message = :message,
                                    start_day = :startDay, time_zone = :timeZone, buddy_id = :buddyId,
                                    manager_id = :managerId, updated_at = :now
                where id = :id and deleted_at is null
                """)
                .param("id", id)
                .param("firstName", employee.firstName())
                .param("lastName", employee.lastName())
                .param("email", normalizeEmail(employee.email()))
                .param("role", employee.role().name())
                .param("phone", employee.phone())
                .param("position", employee.position())
                .param("language", employee.language())
                .param("message", employee.message())
                .param("startDay", employee.startDay())
                .param("timeZone", employee.timeZone())
                .param("buddyId", employee.buddyId())
                .param("managerId", employee.managerId())
                .param("now", now.atOffset(ZoneOffset.UTC))
                .update();
        return find(id).orElseThrow();
    }

    public Optional<Employee> findByEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from employee where email = :email and deleted_at is null")
                .param("email", normalizeEmail(email))
                .query(Employees::map)
                .optional();
    }

    /** Whether the address is taken, by a current or a removed employee (the constraint covers both). */
    public boolean emailTaken(String email) {
        return jdbc.sql("select count(*) from employee where email = :email")
                .param("email", normalizeEmail(email))
                .query(Long.class)
                .single() > 0;
    }

    /** Whether the address is taken by anybody but this employee. */
    public boolean emailTakenByOtherThan(String email, long id) {
        return jdbc.sql("select count(*) from employee where email = :email and id <> :id")
                .param("email", normalizeEmail(email))
                .param("id", id)
                .query(Long.class)
                .single() > 0;
    }

    public boolean exists(long id) {
        return find(id).isPresent();
    }

    public boolean anyWithRole(EmployeeRole role) {
        return jdbc.sql("select count(*) from employee where role = :role and deleted_at is null")
                .param("role", role.name())
                .query(Long.class)
                .single() > 0;
    }

    public List<Employee> all() {
        return jdbc.sql("select " + COLUMNS + " from employee where deleted_at is null order by id")
                .query(Employees::map)
                .list();
    }

    private static Employee map(ResultSet rs, int row) throws SQLException {
        return new Employee(rs.getLong("id"), rs.getObject("uuid", UUID.class), rs.getString("external_id"),
                rs.getString("first_name"), rs.getString("last_name"), rs.getString("email"),
                EmployeeRole.valueOf(rs.getString("role")), rs.getString("phone"), rs.getString("position"),
                rs.getString("language"), rs.getString("message"), rs.getObject("start_day", LocalDate.class),
                rs.getString("time_zone"), (Long) rs.getObject("buddy_id", Long.class),
                (Long) rs.getObject("manager_id", Long.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
