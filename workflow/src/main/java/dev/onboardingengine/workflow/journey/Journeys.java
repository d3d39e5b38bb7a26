package dev.onboardingengine.workflow.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

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

    /** Inserts the journey with its track fields (stakeholders, chosen sequences, end day), without a status yet. */
    long insert(JourneyStart start, Instant startsAt, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into journey (hire_event_id, employee_id, mobility, time_zone, start_day, starts_at, ends_at,
                                     hr_id, manager_id, buddy_id, sequence_keys, end_day, created_at, updated_at)
                values (:hireEventId, :employeeId, :mobility, :timeZone, :startDay, :startsAt, :endsAt,
                        :hrId, :managerId, :buddyId, :keys, :endDay, :now, :now)
                """)
                .param("hireEventId", start.eventId())
                .param("employeeId", start.hire().employeeId())
                .param("mobility", start.mobility())
                .param("timeZone", start.timeZone())
                .param("startDay", start.startDay())
                .param("startsAt", utc(startsAt))
                .param("endsAt", utc(start.endsAt()))
                .param("hrId", idOf(start.hr()))
                .param("managerId", idOf(start.manager()))
                .param("buddyId", idOf(start.buddy()))
                .param("keys", String.join(",", start.sequenceKeys()))
                .param("endDay", start.endDay())
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
                for update
                """)
                .param("employeeId", employeeId)
                .query((rs, n) -> new RunningJourney(rs.getLong("id"), rs.getString("process_instance_id")))
                .list();
    }

    /**
     * Holds the journey's row until the transaction ends: changes to one journey (start, cancel,
     * reschedule, a new stakeholder, a deletion of its person) take it first and run one after the other,
     * instead of deadlocking in the engine's tables or correlating a message the other just consumed.
     */
    void lock(long journeyId) {
        jdbc.sql("select id from journey where id = :id for update").param("id", journeyId).query(Long.class)
                .optional();
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
        insertStatusChange(journeyId, status, at);
    }

    /** The first status of a journey being started, with its process instance: one update instead of two. */
    void changeStatusAndAttach(long journeyId, JourneyStatus status, String processInstanceId, Instant at) {
        jdbc.sql("""
                update journey set status = :status, updated_at = :at, process_instance_id = :pi,
                       open_marker = case when :final then null else open_marker end
                where id = :id
                """)
                .param("status", status.wireName())
                .param("at", utc(at))
                .param("final", status.isFinal())
                .param("pi", processInstanceId)
                .param("id", journeyId)
                .update();
        insertStatusChange(journeyId, status, at);
    }

    private void insertStatusChange(long journeyId, JourneyStatus status, Instant at) {
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

    /** The journey's chosen sequences, changed before they begin (JourneySequences). */
    void changeSequenceKeys(long journeyId, List<String> sequenceKeys) {
        jdbc.sql("update journey set sequence_keys = :keys where id = :id")
                .param("keys", String.join(",", sequenceKeys))
                .param("id", journeyId)
                .update();
    }

    private static Long idOf(dev.onboardingengine.workflow.hire.Stakeholder stakeholder) {
        // The organisation's HR mailbox has id 0: it is nobody in the directory.
        return stakeholder == null || stakeholder.employeeId() == 0 ? null : stakeholder.employeeId();
    }

    private static final String TRACK_COLUMNS = """
            select id, employee_id, mobility, status, process_instance_id, time_zone, start_day, end_day, starts_at,
                   ends_at, hr_id, manager_id, buddy_id, sequence_keys, created_at, updated_at
            from journey
            """;

    Optional<TrackView> findTrack(long journeyId) {
        return jdbc.sql(TRACK_COLUMNS + " where id = :id").param("id", journeyId).query(Journeys::track).optional();
    }

    /**
     * @param employeeIds only journeys of these employees; null: everybody's
     */
    List<TrackView> findTracks(JourneyStatus status, java.util.Collection<Long> employeeIds, int limit, long offset) {
        JourneyFilter filter = new JourneyFilter(status, employeeIds);
        if (filter.matchesNobody()) {
            return List.of();
        }
        // "status, id" is the same order as "id" when one status is asked for, and the order of
        // journey_status_id_idx: H2 then reads the page from the index instead of sorting every journey
        // of that status (the benchmark's scenario 2: GET /tracks?status= grew 4x from 1k to 20k journeys).
        String order = status == null ? " order by id" : " order by status, id";
        return jdbc.sql(TRACK_COLUMNS + filter.where() + order + " limit :limit offset :offset")
                .params(filter.params(limit, offset))
                .query(Journeys::track)
                .list();
    }

    long countTracks(JourneyStatus status, java.util.Collection<Long> employeeIds) {
        JourneyFilter filter = new JourneyFilter(status, employeeIds);
        if (filter.matchesNobody()) {
            return 0;
        }
        return jdbc.sql("select count(*) from journey" + filter.where())
                .params(filter.params(0, 0))
                .query(Long.class)
                .single();
    }

    /**
     * Counts the tracks, but reads no more than {@code upTo} of them: the count stays bounded however
     * many journeys have the status (an exact {@code count(*)} grew with them). A result of
     * {@code upTo} means "at least that many".
     */
    long countTracksUpTo(JourneyStatus status, java.util.Collection<Long> employeeIds, long upTo) {
        JourneyFilter filter = new JourneyFilter(status, employeeIds);
        if (filter.matchesNobody()) {
            return 0;
        }
        java.util.Map<String, Object> params = filter.params(0, 0);
        params.put("upTo", upTo);
        return jdbc.sql("select count(*) from (select 1 as one from journey" + filter.where()
                + " limit :upTo) counted")
                .params(params)
                .query(Long.class)
                .single();
    }

    void reschedule(long journeyId, LocalDate startDay, LocalDate endDay, Instant startsAt, Instant endsAt,
            Instant now) {
        jdbc.sql("""
                update journey set start_day = :startDay, end_day = :endDay, starts_at = :startsAt, ends_at = :endsAt,
                       updated_at = :now
                where id = :id
                """)
                .param("startDay", startDay)
                .param("endDay", endDay)
                .param("startsAt", utc(startsAt))
                .param("endsAt", utc(endsAt))
                .param("now", utc(now))
                .param("id", journeyId)
                .update();
    }

    void changeStakeholder(long journeyId, String role, Long employeeId, Instant now) {
        String column = switch (role) {
            case "hr" -> "hr_id";
            case "manager" -> "manager_id";
            case "buddy" -> "buddy_id";
            default -> throw new IllegalArgumentException("No stakeholder column for " + role);
        };
        jdbc.sql("update journey set " + column + " = :employeeId, updated_at = :now where id = :id")
                .param("employeeId", employeeId)
                .param("now", utc(now))
                .param("id", journeyId)
                .update();
    }

    private static TrackView track(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        String keys = rs.getString("sequence_keys");
        return new TrackView(rs.getLong("id"), rs.getLong("employee_id"), rs.getString("mobility"),
                Optional.ofNullable(rs.getString("status")).map(JourneyStatus::fromWireName).orElse(null),
                rs.getString("process_instance_id"), rs.getString("time_zone"),
                rs.getObject("start_day", LocalDate.class), rs.getObject("end_day", LocalDate.class),
                rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                rs.getObject("ends_at", OffsetDateTime.class).toInstant(),
                (Long) rs.getObject("hr_id", Long.class), (Long) rs.getObject("manager_id", Long.class),
                (Long) rs.getObject("buddy_id", Long.class),
                keys == null || keys.isBlank() ? List.of() : List.of(keys.split(",")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    record JourneyRow(long id, long employeeId, String mobility, JourneyStatus status) {
    }
}
