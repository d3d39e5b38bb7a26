package dev.onboardingengine.api.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The employee directory table. Removed employees (deleted_at set) are invisible to every read. */
@Repository
public class Employees {

    static final String COLUMNS = """
            id, uuid, external_id, first_name, last_name, email, role, phone, position, language, message,
            start_day, time_zone, buddy_id, manager_id, created_at, updated_at, unit_organization_id
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
                                      message, start_day, time_zone, buddy_id, manager_id, unit_organization_id,
                                      created_at, updated_at)
                values (:uuid, :externalId, :firstName, :lastName, :email, :role, :phone, :position, :language,
                        :message, :startDay, :timeZone, :buddyId, :managerId, :unitOrganizationId, :now, :now)
                """)
                .params(columns(employee, now))
                .param("uuid", uuid)
                .update(keys, "id");
        return find(keys.getKey().longValue()).orElseThrow();
    }

    /**
     * Holds the person's row until the transaction ends, archived or not. Every change to a person
     * (update, start date, archive, hide) and the start of their journey take this lock first, so they run
     * one after the other: an update never finds its person archived half-way, and a journey never starts
     * after its person's deletion has looked for journeys to cancel.
     */
    public void lock(long id) {
        jdbc.sql("select id from employee where id = :id for update").param("id", id).query(Long.class).optional();
    }

    /** Replaces every column of the employee with the given values (the caller merges partial changes). */
    public Employee update(long id, NewEmployee employee, Instant now) {
        jdbc.sql("""
                update employee set external_id = :externalId, first_name = :firstName, last_name = :lastName,
                       email = :email, role = :role, phone = :phone, position = :position, language = :language,
                       message = :message, start_day = :startDay, time_zone = :timeZone, buddy_id = :buddyId,
                       manager_id = :managerId, unit_organization_id = :unitOrganizationId, updated_at = :now
                where id = :id and deleted_at is null
                """)
                .params(columns(employee, now))
                .param("id", id)
                .update();
        return find(id).orElseThrow();
    }

    /** The named parameters of every column insert and update write, nulls included. */
    private static Map<String, Object> columns(NewEmployee employee, Instant now) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("externalId", employee.externalId());
        columns.put("firstName", employee.firstName());
        columns.put("lastName", employee.lastName());
        columns.put("email", normalizeEmail(employee.email()));
        columns.put("role", employee.role().name());
        columns.put("phone", employee.phone());
        columns.put("position", employee.position());
        columns.put("language", employee.language());
        columns.put("message", employee.message());
        columns.put("startDay", employee.startDay());
        columns.put("timeZone", employee.timeZone());
        columns.put("buddyId", employee.buddyId());
        columns.put("managerId", employee.managerId());
        columns.put("unitOrganizationId", employee.unitOrganizationId());
        columns.put("now", now.atOffset(ZoneOffset.UTC));
        return columns;
    }

    public Optional<Employee> findByExternalId(String externalId) {
        return jdbc.sql("select " + COLUMNS + " from employee where external_id = :e and deleted_at is null")
                .param("e", externalId)
                .query(Employees::map)
                .optional();
    }

    /** Whether another employee (current or removed) than {@code except} has this external id. */
    public boolean externalIdTaken(String externalId, Long except) {
        return jdbc.sql("select id from employee where external_id = :e")
                .param("e", externalId)
                .query(Long.class)
                .list().stream().anyMatch(id -> !id.equals(except));
    }

    /** Whether another employee (current or removed) than {@code except} has this address. */
    public boolean emailTaken(String email, Long except) {
        return jdbc.sql("select id from employee where email = :email")
                .param("email", normalizeEmail(email))
                .query(Long.class)
                .list().stream().anyMatch(id -> !id.equals(except));
    }

    /** One page of the employees that match the query and that the reach includes, by id. */
    public List<Employee> search(EmployeeQuery query, EmployeeReach reach, int limit, long offset) {
        Map<String, Object> params = new HashMap<>();
        String where = where(query, reach, params);
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql("select " + COLUMNS + " from employee" + where + " order by id limit :limit offset :offset")
                .params(params)
                .query(Employees::map)
                .list();
    }

    public long count(EmployeeQuery query, EmployeeReach reach) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("select count(*) from employee" + where(query, reach, params))
                .params(params)
                .query(Long.class)
                .single();
    }

    private static String where(EmployeeQuery query, EmployeeReach reach, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        conditions.add("deleted_at is null");
        if (!query.roles().isEmpty()) {
            conditions.add("role in (:roles)");
            params.put("roles", query.roles().stream().map(Enum::name).toList());
        }
        if (query.externalId() != null) {
            conditions.add("external_id = :externalId");
            params.put("externalId", query.externalId());
        }
        if (query.unitOrganizationId() != null) {
            conditions.add("unit_organization_id = :unit");
            params.put("unit", query.unitOrganizationId());
        }
        // The reach is the last word: whatever else the query asks, nothing outside it is read.
        conditions.add(reach.condition(params));
        return " where " + String.join(" and ", conditions);
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

    public Optional<Employee> findByEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from employee where email = :email and deleted_at is null")
                .param("email", normalizeEmail(email))
                .query(Employees::map)
                .optional();
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

    /** Every employee the reach includes, by id. */
    public List<Employee> all(EmployeeReach reach) {
        return search(EmployeeQuery.ALL, reach, Integer.MAX_VALUE, 0);
    }

    public List<Employee> all() {
        return jdbc.sql("select " + COLUMNS + " from employee where deleted_at is null order by id")
                .query(Employees::map)
                .list();
    }

    static Employee map(ResultSet rs, int row) throws SQLException {
        return new Employee(rs.getLong("id"), rs.getObject("uuid", UUID.class), rs.getString("external_id"),
                rs.getString("first_name"), rs.getString("last_name"), rs.getString("email"),
                EmployeeRole.valueOf(rs.getString("role")), rs.getString("phone"), rs.getString("position"),
                rs.getString("language"), rs.getString("message"), rs.getObject("start_day", LocalDate.class),
                rs.getString("time_zone"), (Long) rs.getObject("buddy_id", Long.class),
                (Long) rs.getObject("manager_id", Long.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                (Long) rs.getObject("unit_organization_id", Long.class));
    }
}
