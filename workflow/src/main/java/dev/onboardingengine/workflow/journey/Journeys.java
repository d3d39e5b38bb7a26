package dev.onboardingengine.workflow.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The journey read model tables. */
@Repository
class Journeys {

    private final JdbcClient jdbc;

    Journeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean existsForHireEvent(UUID hireEventId) {
        return jdbc.sql("select count(*) from journey where hire_event_id = :id")
                .param("id", hireEventId)
                .query(Long.class)
                .single() > 0;
    }

    long insert(UUID hireEventId, long employeeId, String mobility, String timeZone, LocalDate startDay,
            Instant startsAt, Instant endsAt, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into journey (hire_event_id, employee_id, mobility, time_zone, start_day, starts_at, ends_at,
                                     created_at, updated_at)
                values (:hireEventId, :employeeId, :mobility, :timeZone, :startDay, :startsAt, :endsAt, :now, :now)
                """)
                .param("hireEventId", hireEventId)
                .param("employeeId", employeeId)
                .param("mobility", mobility)
                .param("timeZone", timeZone)
                .param("startDay", startDay)
                .param("startsAt", utc(startsAt))
                .param("endsAt", utc(endsAt))
                .param("now", utc(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** The running journey of this mobility, if any. */
    Optional<RunningJourney> findRunning(long employeeId, String mobility) {
        return jdbc.sql("""
                select id, process_instance_id from journey
                where employee_id = :employeeId and mobility = :mobility and open_marker = 'Y'
                  and process_instance_id is not null
                """)
                .param("employeeId", employeeId)
                .param("mobility", mobility)
                .query((rs, n) -> new RunningJourney(rs.getLong("id"), rs.getString("process_instance_id")))
                .optional();
    }

    record RunningJourney(long id, String processInstanceId) {
    }

    /** Every running journey of the employee, whatever its mobility. */
    List<RunningJourney> findAllRunning(long employeeId) {
        return jdbc.sql("""
                select id, process_instance_id from journey
                where employee_id = :employeeId and open_marker = 'Y' and process_instance_id is not null
                order by id
                """)
                .param("employeeId", employeeId)
                .query((rs, n) -> new RunningJourney(rs.getLong("id"), rs.getString("process_instance_id")))
                .list();
    }

    void attachProcessInstance(long journeyId, String processInstanceId) {
        jdbc.sql("update journey set process_instance_id = :pi where id = :id")
                .param("pi", processInstanceId)
                .param("id", journeyId)
                .update();
    }

    Optional<JourneyRow> find(long journeyId) {
        return jdbc.sql("select id, employee_id, mobility, status from journey where id = :id")
                .param("id", journeyId)
                .query((rs, n) -> new JourneyRow(rs.getLong("id"), rs.getLong("employee_id"), rs.getString("mobility"),
                        Optional.ofNullable(rs.getString("status")).map(JourneyStatus::fromWireName).orElse(null)))
                .optional();
    }

    void changeStatus(long journeyId, JourneyStatus status, Instant at) {
        jdbc.sql("""
                update journey set status = :status, updated_at = :at,
                       open_marker = case when :final then null else open_marker end
                where id = :id
                """)
                .param("status", status.wireName())
                .param("at", utc(at))
                .param("final", status.isFinal())
                .param("id", journeyId)
                .update();
        jdbc.sql("insert into journey_status_change (journey_id, status, changed_at) values (:id, :status, :at)")
                .param("id", journeyId)
                .param("status", status.wireName())
                .param("at", utc(at))
                .update();
    }

    List<JourneyView> findByEmployee(long employeeId) {
        List<JourneyView> journeys = jdbc.sql("""
                select id, employee_id, mobility, status, process_instance_id, time_zone, start_day, starts_at, ends_at,
                       created_at, updated_at
                from journey where employee_id = :employeeId order by id
                """)
                .param("employeeId", employeeId)
                .query((rs, n) -> new JourneyView(rs.getLong("id"), rs.getLong("employee_id"), rs.getString("mobility"),
                        Optional.ofNullable(rs.getString("status")).map(JourneyStatus::fromWireName).orElse(null),
                        rs.getString("process_instance_id"), rs.getString("time_zone"),
                        rs.getObject("start_day", LocalDate.class),
                        rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("ends_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                        List.of()))
                .list();
        return journeys.stream().map(journey -> journey.withHistory(history(journey.id()))).toList();
    }

    private List<JourneyView.StatusChange> history(long journeyId) {
        return jdbc.sql("select status, changed_at from journey_status_change where journey_id = :id order by id")
                .param("id", journeyId)
                .query((rs, n) -> new JourneyView.StatusChange(JourneyStatus.fromWireName(rs.getString("status")),
                        rs.getObject("changed_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    record JourneyRow(long id, long employeeId, String mobility, JourneyStatus status) {
    }
}
