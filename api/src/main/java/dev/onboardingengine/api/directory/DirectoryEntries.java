package dev.onboardingengine.api.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    private static final String COLUMNS = Employees.COLUMNS + """
            , deleted_at, working_days, public_holiday_country_code, avatar_url, bridge_uid, hris_id, department,
            full_name, sortable_name
            """;

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

    public Optional<DirectoryEntry> findByBridgeUid(String uid) {
        return one("bridge_uid = :v", uid);
    }

    /** Whether anyone, hidden people included, already has this Bridge uid (or HRIS id). */
    public boolean bridgeUidTaken(String uid) {
        return taken("bridge_uid", uid);
    }

    public boolean hrisIdTaken(String hrisId) {
        return taken("hris_id", hrisId);
    }

    /**
     * Up to {@code limit} people in reach with this standing (null: every standing; hidden ones never)
     * whose id comes after {@code afterId} (null: from the first), by id: a keyset page, which people
     * added meanwhile do not shift.
     */
    public List<DirectoryEntry> searchAfter(Standing standing, LocalDate today, EmployeeReach reach, Long afterId,
            int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = where(standing, today, reach, params);
        params.put("limit", limit);
        if (afterId != null) {
            where += " and id > :afterId";
            params.put("afterId", afterId);
        }
        return jdbc.sql("select " + COLUMNS + " from employee" + where + " order by id limit :limit")
                .params(params).query(DirectoryEntries::map).list();
    }

    public void saveProfile(long id, EmployeeProfile profile, Instant now) {
        jdbc.sql("""
                update employee set working_days = :workingDays, public_holiday_country_code = :country,
                       avatar_url = :avatar, bridge_uid = :uid, hris_id = :hris, department = :department,
                       full_name = :fullName, sortable_name = :sortableName, updated_at = :now
                where id = :id
                """)
                .param("workingDays", profile.workingDays().isEmpty() ? null : String.join(",", profile.workingDays()))
                .param("country", profile.publicHolidayCountryCode())
                .param("avatar", profile.avatarUrl())
                .param("uid", profile.bridgeUid())
                .param("hris", profile.hrisId())
                .param("department", profile.department())
                .param("fullName", profile.fullName())
                .param("sortableName", profile.sortableName())
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("id", id)
                .update();
    }

    /** Soft delete: the row stays, its tokens stop working (ApiTokens reads only current people). */
    public boolean archive(long id, Instant now) {
        return jdbc.sql("update employee set deleted_at = :now, updated_at = :now where id = :id and deleted_at is null")
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

    private boolean taken(String column, String value) {
        return jdbc.sql("select count(*) from employee where " + column + " = :v")
                .param("v", value).query(Long.class).single() > 0;
    }

    private static String where(Standing standing, LocalDate today, EmployeeReach reach, Map<String, Object> params) {
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
        if (!reach.everyone()) {
            List<String> visible = new ArrayList<>();
            if (!reach.units().isEmpty()) {
                visible.add("unit_organization_id in (:reachUnits)");
                params.put("reachUnits", reach.units());
            }
            if (reach.self() != null) {
                visible.add("id = :reachSelf");
                params.put("reachSelf", reach.self());
            }
            conditions.add(visible.isEmpty() ? "1 = 0" : "(" + String.join(" or ", visible) + ")");
        }
        return " where " + String.join(" and ", conditions);
    }

    private static DirectoryEntry map(ResultSet rs, int row) throws SQLException {
        String days = rs.getString("working_days");
        OffsetDateTime deletedAt = rs.getObject("deleted_at", OffsetDateTime.class);
        return new DirectoryEntry(Employees.map(rs, row),
                new EmployeeProfile(days == null ? List.of() : Arrays.asList(days.split(",")),
                        rs.getString("public_holiday_country_code"), rs.getString("avatar_url"),
                        rs.getString("bridge_uid"), rs.getString("hris_id"), rs.getString("department"),
                        rs.getString("full_name"), rs.getString("sortable_name")),
                deletedAt == null ? null : deletedAt.toInstant());
    }
}
