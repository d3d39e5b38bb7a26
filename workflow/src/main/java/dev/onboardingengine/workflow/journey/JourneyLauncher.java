package dev.onboardingengine.workflow.journey;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.onboardingengine.workflow.hire.HireDirectory;
import dev.onboardingengine.workflow.hire.NewHireCreated;
import dev.onboardingengine.workflow.hire.Stakeholder;

/**
 * Starts the journey of a new hire, exactly once. Camunda does not enforce unique business keys, so
 * the guard is our own: the journey row, unique per hire event (and per employee and mobility while
 * it runs), is inserted in the same transaction that starts the process. A redelivered event finds
 * the row; two nodes racing on the same event collide on the unique constraint and one rolls back.
 * A person deleted before their event is consumed gets no journey (see {@link HireDirectory#lockIfActive}).
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
     * @return true if this call started the journey, false if it had been started before
     * @throws org.springframework.dao.DuplicateKeyException when another node started it concurrently
     */
    @Transactional
    boolean launch(NewHireCreated hire) {
        HireDirectory people = directory.getIfAvailable();
        if (people != null && !people.lockIfActive(hire.employeeId())) {
            log.info("Employee {} was deleted before their journey started (hire event {}); no journey",
                    hire.employeeId(), hire.eventId());
            return false;
        }
        if (journeys.existsForHireEvent(hire.eventId())) {
            log.info("Journey for hire event {} already exists; redelivery ignored", hire.eventId());
            return false;
        }
        ZoneId zone = ZoneId.of(hire.timeZone());
        Stakeholder hr = properties.hrEmail().isBlank()
                ? null
                : new Stakeholder(0, "HR", "", properties.hrEmail(), hire.language(), true);
        begin(new JourneyStart(hire.eventId(), MOBILITY_ONBOARDING, new Stakeholder(hire.employeeId(), hire.firstName(),
                hire.lastName(), hire.email(), hire.language(), true), hire.timeZone(), hire.startDay(),
                calendar.endOf(hire.startDay(), zone), null, hire.sequenceKeys(), hire.buddy(), hire.manager(), hr),
                true);
        return true;
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
        long journeyId = journeys.insert(start.eventId(), hire.employeeId(), start.mobility(), start.timeZone(),
                start.startDay(), startsAt, start.endsAt(), now);
        journeys.describe(journeyId, start);

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
            ProcessInstance instance = runtime.startProcessInstanceByKey(processKeyOf(start.mobility()),
                    Long.toString(hire.employeeId()), variables);
            journeys.attachProcessInstance(journeyId, instance.getId());
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
