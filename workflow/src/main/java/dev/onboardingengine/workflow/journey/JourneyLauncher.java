package dev.onboardingengine.workflow.journey;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

import dev.onboardingengine.workflow.events.InvalidEventRecord;
import dev.onboardingengine.workflow.hire.HireDirectory;
import dev.onboardingengine.workflow.hire.HireIdentity;
import dev.onboardingengine.workflow.hire.NewHireCreated;
import dev.onboardingengine.workflow.hire.Stakeholder;

/**
 * Starts the journey of a new hire, exactly once. Camunda does not enforce unique business keys, so
 * the guard is our own: the journey row, unique per hire event (and per employee and mobility while
 * it runs), is inserted in the same transaction that starts the process. A redelivered event finds
 * the row; two nodes racing on the same event collide on the unique constraint and one rolls back.
 * A person deleted before their event is consumed gets no journey (see {@link HireDirectory#lock}).
 */
@Service
class JourneyLauncher {

    static final String MOBILITY_ONBOARDING = "onboarding";

    private static final Logger log = LoggerFactory.getLogger(JourneyLauncher.class);

    private final Journeys journeys;
    private final JourneyCalendar calendar;
    private final JourneyProperties properties;
    private final RuntimeService runtime;
    private final ObjectProvider<HireDirectory> directory;

    JourneyLauncher(Journeys journeys, JourneyCalendar calendar, JourneyProperties properties, RuntimeService runtime,
            ObjectProvider<HireDirectory> directory) {
        this.directory = directory;
        this.journeys = journeys;
        this.calendar = calendar;
        this.properties = properties;
        this.runtime = runtime;
    }

    /**
     * Checks the event against the directory (one locking read of the person), then starts the journey.
     *
     * @return true if this call started the journey, false if it had been started before (a redelivery, or
     *     another node that committed it first), or its person was deleted
     * @throws InvalidEventRecord when the event names nobody, or somebody else now ({@link HireIdentity})
     */
    @Transactional
    boolean launch(NewHireCreated hire) {
        HireDirectory people = directory.getIfAvailable();
        if (people != null) {
            Optional<HireDirectory.Locked> person = people.lock(hire.employeeId());
            HireIdentity.mismatch(hire, person.map(HireDirectory.Locked::entry)).ifPresent(mismatch -> {
                throw new InvalidEventRecord(mismatch.reason(), mismatch.fields());
            });
            if (!person.orElseThrow().active()) {
                log.info("Employee {} was deleted before their journey started (hire event {}); no journey",
                        hire.employeeId(), hire.eventId());
                return false;
            }
        }
        ZoneId zone = ZoneId.of(hire.timeZone());
        Stakeholder hr = properties.hrEmail().isBlank()
                ? null
                : new Stakeholder(0, "HR", "", properties.hrEmail(), hire.language(), true);
        try {
            begin(new JourneyStart(hire.eventId(), MOBILITY_ONBOARDING, new Stakeholder(hire.employeeId(),
                    hire.firstName(), hire.lastName(), hire.email(), hire.language(), true), hire.timeZone(),
                    hire.startDay(), calendar.endOf(hire.startDay(), zone), null, hire.sequenceKeys(), hire.buddy(),
                    hire.manager(), hr), true);
            return true;
        } catch (DuplicateKeyException startedBefore) {
            // The unique hire event (or the one open journey per employee) is the guard, not a read before
            // the insert: a redelivery costs a failed insert, a first delivery one statement less. The
            // failed insert aborted the transaction (PostgreSQL), so it ends here, rolled back.
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            log.info("Journey for hire event {} exists already (a redelivery, or started concurrently elsewhere)",
                    hire.eventId());
            return false;
        }
    }

    /**
     * Inserts the journey row and starts its process in the caller's transaction.
     *
     * @param startImmediately false keeps the journey a draft (waiting at Wait_TrackStarted) until
     *     {@link JourneyManagement#start} sends TrackStarted; NewHireCreated hires start at once, as always
     * @return the journey id
     */
    long begin(JourneyStart start, boolean startImmediately) {
        Stakeholder hire = start.hire();
        ZoneId zone = ZoneId.of(start.timeZone());
        Instant startsAt = calendar.startOf(start.startDay(), zone);
        Instant now = ClockUtil.getCurrentTime().toInstant();
        long journeyId = journeys.insert(start, startsAt, now);
        JourneyBeingLaunched launched = new JourneyBeingLaunched(journeyId, hire.employeeId(), start.mobility());

        try (var context = JourneyLogContext.of(hire.employeeId(), journeyId)) {
            Map<String, Object> variables = new HashMap<>();
            variables.put(JourneyVariables.EMPLOYEE_ID, hire.employeeId());
            variables.put(JourneyVariables.JOURNEY_ID, journeyId);
            variables.put(JourneyVariables.FIRST_NAME, hire.firstName());
            variables.put(JourneyVariables.LAST_NAME, hire.lastName());
            variables.put(JourneyVariables.EMAIL, hire.email());
            variables.put(JourneyVariables.TIME_ZONE, start.timeZone());
            variables.put(JourneyVariables.STARTS_AT, Date.from(startsAt));
            variables.put(JourneyVariables.ENDS_AT, Date.from(start.endsAt()));
            variables.put(JourneyVariables.LANGUAGE, hire.language());
            variables.put(JourneyVariables.START_DAY, start.startDay().toString());
            variables.put(JourneyVariables.SEQUENCE_KEYS, new java.util.ArrayList<>(start.sequenceKeys()));
            variables.put(JourneyVariables.OPEN_ADDED_SEQUENCES, 0);
            variables.put(JourneyVariables.START_IMMEDIATELY, startImmediately);
            putStakeholder(variables, "hire", hire);
            putStakeholder(variables, "buddy", start.buddy());
            putStakeholder(variables, "manager", start.manager());
            putStakeholder(variables, "hr", start.hr());
            ProcessInstance instance = launched.during(() -> runtime
                    .startProcessInstanceByKey(processKeyOf(start.mobility()), Long.toString(hire.employeeId()),
                            variables));
            if (!launched.attached()) {
                // A process without a status milestone before its first wait state.
                journeys.attachProcessInstance(journeyId, instance.getId());
            }
            log.info("Started journey {} ({}, process instance {}) for employee {}{}", journeyId, start.mobility(),
                    instance.getId(), hire.employeeId(), startImmediately ? "" : " as a draft");
        }
        return journeyId;
    }

    /** Onboarding keeps its configurable key; every other mobility is the process journey-&lt;mobility&gt;. */
    String processKeyOf(String mobility) {
        return MOBILITY_ONBOARDING.equals(mobility) ? properties.processKey() : "journey-" + mobility;
    }

    static void putStakeholder(Map<String, Object> variables, String role, Stakeholder stakeholder) {
        variables.put(role + "Id", stakeholder == null ? null : Long.toString(stakeholder.employeeId()));
        variables.put(role + "Email", stakeholder == null ? null : stakeholder.email());
        variables.put(role + "FirstName", stakeholder == null ? null : stakeholder.firstName());
        variables.put(role + "LastName", stakeholder == null ? null : stakeholder.lastName());
        variables.put(role + "Language", stakeholder == null ? null : stakeholder.language());
        variables.put(role + "Notify", stakeholder != null && stakeholder.notifiable());
    }
}
