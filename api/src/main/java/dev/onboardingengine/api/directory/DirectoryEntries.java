package dev.onboardingengine.api.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The employee table as Offly and Bridge see it: archived (soft-deleted) people stay readable, hidden
 * ones are gone everywhere. {@link Employees} keeps showing only current people, so archiving someone
 * removes them from Workelo's and ChiefOnboarding's reads without either knowing about archives.
 */
@Repository
public class DirectoryEntries {

    /**
     * The profile fields the employee row has a column for, named as their columns (they came with the
     * Offly and Bridge dialects, which own their meaning). A name outside this list is refused, so that
     * no name reaches the SQL unless it is one of these.
     */
    public static final List<String> PROFILE_FIELDS = List.of("working_days", "public_holiday_country_code",
            "avatar_url", "bridge_uid", "hris_id", "department", "full_name", "sortable_name");

    /** The profile fields that are unique among everyone, hidden people included (a unique index each). */
    public static final Set<String> UNIQUE_PROFILE_FIELDS = Set.of("bridge_uid", "hris_id");

    private static final String COLUMNS = Employees.COLUMNS + ", deleted_at, " + String.join(", ", PROFILE_FIELDS);

    private final JdbcClient jdbc;

    DirectoryEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Offly's user states, decided by the archive mark and the start day against today. */
    public enum Standing {
        /** current, start day still ahead: the journey has not begun */
        PENDING,
        /** current, start day today or past (or unknown) */
        ACTIVE,
        /** soft-deleted */
        ARCHIVED
    }

    public Optional<DirectoryEntry> find(long id) {
        return one("id = :v", id);
    }

    public Optional<DirectoryEntry> findByUuid(UUID uuid) {
        return one("uuid = :v", uuid);
    }

    /** The person whose profile field {@code field} (one of {@link #UNIQUE_PROFILE_FIELDS}) holds this value. */
    public Optional<DirectoryEntry> findByProfile(String field, String value) {
        return one(uniqueField(field) + " = :v", value);
    }

    /** Whether anyone, hidden people included, already has this value in a unique profile field. */
    public boolean profileValueTaken(String field, String value) {
        return jdbc.sql("select count(*) from employee where " + uniqueField(field) + " = :v")
                .param("v", value).query(Long.class).single() > 0;
    }

    /**
     * Up to {@code limit} people in reach with this standing (null: every standing; hidden ones never)
     * whose id comes after {@code afterId} (null: from the first), by id: a keyset page, which people
     * added meanwhile do not shift.
     */
    public List<DirectoryEntry> searchAfter(Standing standing, LocalDate today, EmployeeReach reach, Long afterId,
            int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = " where " + standing(standing, today, params) + " and " + reach.condition(params);
        params.put("limit", limit);
        if (afterId != null) {
            where += " and id > :afterId";
            params.put("afterId", afterId);
        }
        return jdbc.sql("select " + COLUMNS + " from employee" + where + " order by id limit :limit")
                .params(params).query(DirectoryEntries::map).list();
    }

    /** Writes the whole profile: a field it does not hold is emptied. */
    public void saveProfile(long id, EmployeeProfile profile, Instant now) {
        profile.fields().keySet().forEach(DirectoryEntries::field);
        Map<String, Object> params = new HashMap<>();
        PROFILE_FIELDS.forEach(field -> params.put(field, profile.get(field)));
        params.put("now", now.atOffset(ZoneOffset.UTC));
        params.put("id", id);
        String assignments = String.join(", ", PROFILE_FIELDS.stream().map(field -> field + " = :" + field).toList());
        jdbc.sql("update employee set " + assignments + ", updated_at = :now where id = :id").params(params).update();
    }

    /** Soft delete: the row stays, its tokens stop working (ApiTokens reads only current people). */
    public boolean archive(long id, Instant now) {
        return jdbc
                .sql("update employee set deleted_at = :now, updated_at = :now where id = :id and deleted_at is null")
                .param("now", now.atOffset(ZoneOffset.UTC)).param("id", id).update() == 1;
    }

    /** Only an archived person can be hidden. */
    public boolean hide(long id, Instant now) {
        return jdbc.sql("""
                update employee set hidden_at = :now, updated_at = :now
                where id = :id and deleted_at is not null and hidden_at is null
                """)
                .param("now", now.atOffset(ZoneOffset.UTC)).param("id", id).update() == 1;
    }

    private Optional<DirectoryEntry> one(String condition, Object value) {
        return jdbc.sql("select " + COLUMNS + " from employee where " + condition + " and hidden_at is null")
                .param("v", value).query(DirectoryEntries::map).optional();
    }

    private static String field(String name) {
        if (!PROFILE_FIELDS.contains(name)) {
            throw new IllegalArgumentException("No profile field " + name);
        }
        return name;
    }

    private static String uniqueField(String name) {
        if (!UNIQUE_PROFILE_FIELDS.contains(name)) {
            throw new IllegalArgumentException("No unique profile field " + name);
        }
        return name;
    }

    private static String standing(Standing standing, LocalDate today, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        conditions.add("hidden_at is null");
        if (standing == Standing.ARCHIVED) {
            conditions.add("deleted_at is not null");
        } else if (standing == Standing.PENDING) {
            conditions.add("deleted_at is null and start_day > :today");
            params.put("today", today);
        } else if (standing == Standing.ACTIVE) {
            conditions.add("deleted_at is null and (start_day is null or start_day <= :today)");
            params.put("today", today);
        }
        return String.join(" and ", conditions);
    }

    private static DirectoryEntry map(ResultSet rs, int row) throws SQLException {
        Map<String, String> profile = new LinkedHashMap<>();
        for (String field : PROFILE_FIELDS) {
            profile.put(field, rs.getString(field));
        }
        OffsetDateTime deletedAt = rs.getObject("deleted_at", OffsetDateTime.class);
        return new DirectoryEntry(Employees.map(rs, row), new EmployeeProfile(profile),
                deletedAt == null ? null : deletedAt.toInstant());
    }
}
