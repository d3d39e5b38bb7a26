package dev.onboardingengine.workflow.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.onboardingengine.workflow.hire.Stakeholder;

/**
 * Changing journeys (the Workelo dialect's tracks): created as drafts, started (now or at an invitation
 * date), cancelled, rescheduled and given new stakeholders. Every change happens in the caller's
 * transaction together with the engine's, so the read model ({@link Journeys}) and the process
 * ({@link JourneyInstances}) never disagree.
 */
@NamedInterface("journey")
@Service
public class JourneyManagement {

    private static final Logger log = LoggerFactory.getLogger(JourneyManagement.class);

    private final JourneyLauncher launcher;
    private final Journeys journeys;
    private final JourneyInstances instances;
    private final JourneyCalendar calendar;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final ProcessEngineConfigurationImpl engine;
    private final StakeholderNotifications notifier;

    JourneyManagement(JourneyLauncher launcher, Journeys journeys, JourneyInstances instances,
            JourneyCalendar calendar, RuntimeService runtime, RepositoryService repository,
            ProcessEngineConfigurationImpl engine, StakeholderNotifications notifier) {
        this.launcher = launcher;
        this.journeys = journeys;
        this.instances = instances;
        this.calendar = calendar;
        this.runtime = runtime;
        this.repository = repository;
        this.engine = engine;
        this.notifier = notifier;
    }

    /**
     * A new draft journey.
     *
     * @param hire the employee the journey is for
     * @param endDay null: the start day plus the configured journey length
     * @param hr the HR stakeholder, or null
     * @return the journey id
     * @throws MobilityNotDeployed when no journey process exists for the mobility
     * @throws org.springframework.dao.DuplicateKeyException when the employee already has an open journey of this mobility
     */
    @Transactional
    public long draft(String mobility, Stakeholder hire, String timeZone, LocalDate startDay, LocalDate endDay,
            List<String> sequenceKeys, Stakeholder hr, Stakeholder manager, Stakeholder buddy) {
        if (!isDeployed(mobility)) {
            throw new MobilityNotDeployed(mobility);
        }
        ZoneId zone = ZoneId.of(timeZone);
        Instant endsAt = endDay == null ? calendar.endOf(startDay, zone) : calendar.startOf(endDay, zone);
        return launcher.begin(new JourneyStart(UUID.randomUUID(), mobility, hire, timeZone, startDay, endsAt, endDay,
                sequenceKeys, buddy, manager, hr), false);
    }

    /** Whether a journey process (journey-&lt;mobility&gt;) is deployed for this mobility. */
    public boolean isDeployed(String mobility) {
        return mobility != null && repository.createProcessDefinitionQuery()
                .processDefinitionKey(launcher.processKeyOf(mobility)).count() > 0;
    }

    /**
     * Starts a draft: the invitation goes out now, or at {@code inviteAt} (that day at the start hour,
     * in the hire's time zone) when it is still ahead; the track is {@code scheduled} until then.
     *
     * @throws JourneyNotFound when there is no such journey
     * @throws JourneyNotDraft when it was already started, closed or cancelled
     */
    @Transactional
    public TrackView start(long journeyId, LocalDate inviteAt) {
        journeys.lock(journeyId);
        TrackView track = track(journeyId);
        if (track.status() != JourneyStatus.DRAFT) {
            throw new JourneyNotDraft(journeyId, track.status());
        }
        Instant invitation = inviteAt == null ? null : calendar.startOf(inviteAt, ZoneId.of(track.timeZone()));
        boolean later = invitation != null && invitation.isAfter(now());
        try {
            runtime.createMessageCorrelation(JourneyVariables.TRACK_STARTED_MESSAGE)
                    .processInstanceId(track.processInstanceId())
                    .setVariable(JourneyVariables.INVITE_AT, later ? Date.from(invitation) : null)
                    .correlate();
        } catch (MismatchingMessageCorrelationException alreadyStarted) {
            // Started a moment ago: its invitation job has not run yet, so the read model still says draft.
            throw new JourneyNotDraft(journeyId, JourneyStatus.INVITATION_SENT);
        }
        try (var context = JourneyLogContext.of(track.employeeId(), journeyId)) {
            log.info("Track {} started; invitation {}", journeyId, later ? "at " + invitation : "now");
        }
        return track(journeyId);
    }

    /**
     * Runs a started track's due invitation now, in the caller's thread, so that the answer to a start
     * carries the status the track moved to ({@code invitation_sent}, committed) rather than a draft
     * whose invitation job has yet to run. The diagram keeps the invitation asynchronous (a failing mail
     * server makes a retried job, not a failed start): this runs that job through the engine as the job
     * executor would, in a transaction of its own, so it must follow the committed start. A job executor
     * that took the job first (its mail is deduplicated, {@code notification_sent}'s key) or a mail
     * server that fails (the job is retried; Cockpit shows an incident in the end) leave the status to
     * whoever runs the job: the answer is what is committed.
     *
     * @throws JourneyNotFound when there is no such journey
     */
    public TrackView sendDueInvitation(long journeyId) {
        TrackView track = track(journeyId);
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // Inside a caller's transaction the start is not committed yet: the job executor sends it later.
            return track;
        }
        if (!instances.runDueInvitation(track.processInstanceId())) {
            try (var context = JourneyLogContext.of(track.employeeId(), journeyId)) {
                log.warn("Invitation of track {} not sent with its start; its job retries", journeyId);
            }
        }
        return track(journeyId);
    }

    /**
     * Ends the journey as cancelled: its Sub_TrackCancelled interrupts every timer, job, open action and
     * called sequence, and records the status (read model and JourneyStatusChanged in this transaction).
     *
     * @throws JourneyNotFound when there is no such journey
     * @throws JourneyAlreadyEnded when it is closed or cancelled
     */
    @Transactional
    public TrackView cancel(long journeyId) {
        journeys.lock(journeyId);
        TrackView track = track(journeyId);
        if (track.status() != null && track.status().isFinal()) {
            throw new JourneyAlreadyEnded(journeyId, track.status());
        }
        runtime.createMessageCorrelation(JourneyVariables.TRACK_CANCELLED_MESSAGE)
                .processInstanceId(track.processInstanceId())
                .correlate();
        return track(journeyId);
    }

    /**
     * Changes the dates of a running track. With {@code applyOnActions}, every pending timer of the
     * journey and its sequences and every open action's due date moves by the start day's shift, as
     * wall-clock days in the hire's time zone (09:00 stays 09:00 across a daylight-saving change), and
     * the sequences' moments yet to be computed follow the new start day. Without it, only the track's
     * dates change: what is planned stays where it is.
     *
     * @param startDay null: unchanged
     * @param endDay null: unchanged
     * @throws JourneyNotFound when there is no such journey
     * @throws JourneyAlreadyEnded when it is closed or cancelled
     * @throws EndBeforeStart when the end day would not be after the start day
     */
    @Transactional
    public TrackView reschedule(long journeyId, LocalDate startDay, LocalDate endDay, boolean applyOnActions) {
        journeys.lock(journeyId);
        TrackView track = open(journeyId);
        ZoneId zone = ZoneId.of(track.timeZone());
        LocalDate newStart = startDay == null ? track.startDay() : startDay;
        LocalDate newEnd = endDay != null ? endDay : track.endDay();
        Instant startsAt = calendar.startOf(newStart, zone);
        Instant endsAt = newEnd == null ? calendar.endOf(newStart, zone) : calendar.startOf(newEnd, zone);
        if (!endsAt.isAfter(startsAt)) {
            throw new EndBeforeStart(newStart, newEnd);
        }
        long shiftDays = ChronoUnit.DAYS.between(track.startDay(), newStart);
        journeys.reschedule(journeyId, newStart, newEnd, startsAt, endsAt, now());
        if (applyOnActions) {
            instances.moveStart(track.processInstanceId(), shiftDays, zone, newStart, startsAt, endsAt);
        }
        try (var context = JourneyLogContext.of(track.employeeId(), journeyId)) {
            log.info("Track {} rescheduled: start {} -> {}, end {}{}", journeyId, track.startDay(), newStart, endsAt,
                    applyOnActions ? ", actions shifted by " + shiftDays + " days" : ", actions unchanged");
        }
        return track(journeyId);
    }

    /**
     * Gives the track a new HR, manager or buddy: the process's stakeholder variables (the journey's and
     * its sequences') name the new person, the open actions of the previous one are reassigned, and the
     * new person is told about the hire once (hire-announced).
     *
     * @param role hr, manager or buddy
     * @return the ids of the open actions now assigned to the new person
     */
    @Transactional
    public List<String> changeStakeholder(long journeyId, String role, Stakeholder stakeholder) {
        journeys.lock(journeyId);
        TrackView track = open(journeyId);
        Long previous = switch (role) {
            case "hr" -> track.hrId();
            case "manager" -> track.managerId();
            case "buddy" -> track.buddyId();
            default -> throw new IllegalArgumentException("Unknown stakeholder role " + role);
        };
        Long next = stakeholder == null ? null : stakeholder.employeeId();
        if (java.util.Objects.equals(previous, next)) {
            return List.of();
        }
        journeys.changeStakeholder(journeyId, role, next, now());
        List<String> journeyInstances = instances.of(track.processInstanceId());
        java.util.Map<String, Object> variables = new java.util.HashMap<>();
        JourneyLauncher.putStakeholder(variables, role, stakeholder);
        instances.setVariables(journeyInstances, variables);
        if (stakeholder != null) {
            // Once per journey, role and person: told about the hire like the first stakeholder was.
            String dedupKey = track.processInstanceId() + ":stakeholder-changed:" + role + ":" + next;
            engine.getCommandExecutorTxRequired().execute(command -> {
                notifier.notifyInJourney(command.getExecutionManager().findExecutionById(track.processInstanceId()),
                        role, "hire-announced", dedupKey);
                return null;
            });
        }
        List<String> reassigned = previous == null ? List.of() : instances.reassign(journeyInstances, previous, next);
        try (var context = JourneyLogContext.of(track.employeeId(), journeyId)) {
            log.info("Track {}: {} {} -> {}, {} open actions reassigned", journeyId, role, previous, next,
                    reassigned.size());
        }
        return reassigned;
    }

    @Transactional(readOnly = true)
    public Optional<TrackView> find(long journeyId) {
        return journeys.findTrack(journeyId);
    }

    /** @param employeeIds only these employees' tracks; null: everybody's */
    @Transactional(readOnly = true)
    public List<TrackView> list(JourneyStatus status, Collection<Long> employeeIds, int limit, long offset) {
        return journeys.findTracks(status, employeeIds, limit, offset);
    }

    @Transactional(readOnly = true)
    public long count(JourneyStatus status, Collection<Long> employeeIds) {
        return journeys.countTracks(status, employeeIds);
    }

    /** Like {@link #count}, reading at most {@code upTo} tracks: {@code upTo} means at least that many. */
    @Transactional(readOnly = true)
    public long countUpTo(JourneyStatus status, Collection<Long> employeeIds, long upTo) {
        return journeys.countTracksUpTo(status, employeeIds, upTo);
    }

    private TrackView track(long journeyId) {
        return journeys.findTrack(journeyId).orElseThrow(() -> new JourneyNotFound(journeyId));
    }

    private TrackView open(long journeyId) {
        TrackView track = track(journeyId);
        if (track.status() != null && track.status().isFinal()) {
            throw new JourneyAlreadyEnded(journeyId, track.status());
        }
        return track;
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

}
