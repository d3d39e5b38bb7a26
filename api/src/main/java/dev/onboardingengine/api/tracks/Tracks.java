package dev.onboardingengine.api.tracks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.onboardingengine.api.audit.AuditLog;
import dev.onboardingengine.api.auth.Access;
import dev.onboardingengine.api.directory.Employee;
import dev.onboardingengine.api.directory.EmployeeQuery;
import dev.onboardingengine.api.directory.EmployeeRole;
import dev.onboardingengine.api.directory.Employees;
import dev.onboardingengine.api.hire.NewHire;
import dev.onboardingengine.api.hire.NewHireService;
import dev.onboardingengine.api.problem.InvalidInput;
import dev.onboardingengine.workflow.hire.Stakeholder;
import dev.onboardingengine.workflow.journey.EndBeforeStart;
import dev.onboardingengine.workflow.journey.JourneyAlreadyEnded;
import dev.onboardingengine.workflow.journey.JourneyManagement;
import dev.onboardingengine.workflow.journey.JourneyNotDraft;
import dev.onboardingengine.workflow.journey.JourneyStatus;
import dev.onboardingengine.workflow.journey.TrackView;
import dev.onboardingengine.workflow.sequence.Sequence;

/**
 * Journeys as tracks: validates what the API receives (in Workelo's field names), resolves people and
 * templates, and hands the journey work to {@link JourneyManagement} in the same transaction, with an
 * audit entry for every change.
 */
@Service
public class Tracks {

    /** The request's member that holds a new employee's fields. */
    static final String NEW_EMPLOYEE = "employee";
    /** NewHire fields the track itself carries (start_date, implications): named once, at the track. */
    private static final java.util.Set<String> TRACK_FIELDS = java.util.Set.of("startDay", "buddyId", "managerId");

    private final JourneyManagement journeys;
    private final Employees employees;
    private final NewHireService hires;
    private final TrackTemplates templates;
    private final AuditLog audit;
    private final StakeholderReferences stakeholders;
    private final TransactionTemplate transaction;

    Tracks(JourneyManagement journeys, Employees employees, NewHireService hires, TrackTemplates templates,
            AuditLog audit, StakeholderReferences stakeholders, PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
        this.stakeholders = stakeholders;
        this.journeys = journeys;
        this.employees = employees;
        this.hires = hires;
        this.templates = templates;
        this.audit = audit;
    }

    /**
     * Creates a draft track: for an existing employee, or for a new one created here (without the
     * NewHireCreated that would start a second journey).
     *
     * @throws InvalidInput naming every wrong field
     * @throws TrackConflict when the employee already has an open journey of this mobility
     */
    @Transactional
    public TrackView create(TrackRequest request, Access access) {
        access.requireWrite();
        String mobility = request.mobility() == null || request.mobility().isBlank()
                ? "onboarding"
                : request.mobility();
        List<InvalidInput.Violation> violations = new ArrayList<>();
        if (!journeys.isDeployed(mobility)) {
            violations.add(new InvalidInput.Violation("mobility", "invalid_choice", mobility));
        }
        if ((request.employeeId() == null) == (request.newEmployee() == null)) {
            violations.add(new InvalidInput.Violation("employee", "one_of", null));
        }
        Employee existing = null;
        if (request.employeeId() != null) {
            existing = employees.find(request.employeeId()).filter(access::canSee).orElse(null);
            if (existing == null) {
                violations.add(new InvalidInput.Violation("employee_id", "unknown_reference", request.employeeId()));
            }
        }
        LocalDate startDate = request.startDate() != null
                ? request.startDate()
                : existing != null ? existing.startDay() : null;
        if (startDate == null) {
            violations.add(new InvalidInput.Violation("start_date", "required", null));
        } else if (request.endDate() != null && !request.endDate().isAfter(startDate)) {
            violations.add(new InvalidInput.Violation("end_date", "before_start", request.endDate()));
        }
        stakeholders.check(violations, request.implications(), access);
        Long unit = existing != null
                ? existing.unitOrganizationId()
                : request.newEmployee() == null ? null : request.newEmployee().unitOrganizationId();
        List<Sequence> chosen = templates.chosen(violations, request.templateIds(), mobility, unit);
        if (request.newEmployee() != null) {
            access.requirePlacement(request.newEmployee().unitOrganizationId(), EmployeeRole.NEW_HIRE);
            violations.addAll(newEmployeeViolations(request, startDate));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        Employee employee = existing != null
                ? existing
                : hires.hireForTrack(withStakeholders(request, startDate),
                        access.caller().employeeId());
        TrackRequest.Implications people = request.implications();
        try {
            long id = journeys.draft(mobility, new Stakeholder(employee.id(), employee.firstName(), employee.lastName(),
                    employee.email(), employee.language(), true), employee.timeZone(), startDate, request.endDate(),
                    chosen.stream().map(Sequence::processKey).toList(), hires.stakeholder(people.hrId()),
                    hires.stakeholder(people.managerId()), hires.stakeholder(people.buddyId()));
            audit.record("track_creation", access.caller().employeeId(), "track", id,
                    "%s track for employee %d, draft".formatted(mobility, employee.id()), Instant.now());
            return journeys.find(id).orElseThrow();
        } catch (DuplicateKeyException open) {
            throw new TrackConflict("Employee " + employee.id() + " already has an open " + mobility + " track.");
        }
    }

    /**
     * Starts a draft and answers the status it moved to, committed: {@code scheduled} with a later
     * invite_at, {@code invitation_sent} once the invitation due now went out after the start's commit.
     *
     * @throws TrackConflict when the track is not a draft
     */
    public TrackView start(long id, LocalDate inviteAt, Access access) {
        TrackView started = transaction.execute(status -> {
            changeable(id, access);
            try {
                TrackView track = journeys.start(id, inviteAt);
                audit.record("track_start", access.caller().employeeId(), "track", id,
                        inviteAt == null ? "started, invitation now" : "started, invitation at " + inviteAt,
                        Instant.now());
                return track;
            } catch (JourneyNotDraft notDraft) {
                throw new TrackConflict(notDraft.getMessage());
            }
        });
        return started.status() == JourneyStatus.DRAFT ? journeys.sendDueInvitation(id) : started;
    }

    @Transactional
    public TrackView cancel(long id, Access access) {
        changeable(id, access);
        try {
            TrackView cancelled = journeys.cancel(id);
            audit.record("track_cancellation", access.caller().employeeId(), "track", id, "cancelled", Instant.now());
            return cancelled;
        } catch (JourneyAlreadyEnded ended) {
            throw new TrackConflict(ended.getMessage());
        }
    }

    /**
     * Changes dates and stakeholders; a new manager or buddy gets the previous one's open actions.
     *
     * @return the track and the ids of the reassigned actions, by role
     */
    @Transactional
    public Changed update(long id, TrackChange change, Access access) {
        TrackView track = changeable(id, access);
        List<InvalidInput.Violation> violations = new ArrayList<>();
        TrackRequest.Implications people = change.implications() == null
                ? new TrackRequest.Implications(null, null, null)
                : change.implications();
        stakeholders.check(violations, people, access);
        LocalDate start = change.startDate() != null ? change.startDate() : track.startDay();
        if (change.endDate() != null && !change.endDate().isAfter(start)) {
            violations.add(new InvalidInput.Violation("end_date", "before_start", change.endDate()));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        try {
            if (change.startDate() != null || change.endDate() != null) {
                journeys.reschedule(id, change.startDate(), change.endDate(), change.applyOnActions());
            }
            Map<String, List<String>> reassigned = new java.util.LinkedHashMap<>();
            stakeholder(id, "hr", people.hrId(), reassigned);
            stakeholder(id, "manager", people.managerId(), reassigned);
            stakeholder(id, "buddy", people.buddyId(), reassigned);
            audit.record("track_update", access.caller().employeeId(), "track", id,
                    "start %s, end %s, apply_on_actions %s, stakeholders %s".formatted(change.startDate(),
                            change.endDate(), change.applyOnActions(), reassigned.keySet()),
                    Instant.now());
            return new Changed(journeys.find(id).orElseThrow(), reassigned);
        } catch (JourneyAlreadyEnded ended) {
            throw new TrackConflict(ended.getMessage());
        } catch (EndBeforeStart endBeforeStart) {
            throw InvalidInput.of("end_date", "before_start", change.endDate());
        }
    }

    public record Changed(TrackView track, Map<String, List<String>> reassignedActions) {
    }

    private void stakeholder(long id, String role, Long employeeId, Map<String, List<String>> reassigned) {
        if (employeeId != null) {
            List<String> moved = journeys.changeStakeholder(id, role, hires.stakeholder(employeeId));
            reassigned.put(role, moved);
        }
    }

    /** @throws TrackNotFound when absent or about someone the caller may not see */
    @Transactional(readOnly = true)
    public TrackView visible(long id, Access access) {
        access.requireRead();
        TrackView track = journeys.find(id).orElseThrow(() -> new TrackNotFound(id));
        Optional<Employee> employee = employees.find(track.employeeId());
        if (employee.isEmpty() || !access.canSee(employee.get())) {
            throw new TrackNotFound(id);
        }
        return track;
    }

    /** Whether the caller may see this track: for what hangs on a track (forms, documents), not found alike. */
    @Transactional(readOnly = true)
    public boolean isVisible(long id, Access access) {
        try {
            visible(id, access);
            return true;
        } catch (TrackNotFound invisible) {
            return false;
        }
    }

    private TrackView changeable(long id, Access access) {
        TrackView track = visible(id, access);
        access.requireWrite();
        return track;
    }

    /** The tracks the caller may see; {@code status} null: every status. */
    @Transactional(readOnly = true)
    public List<TrackView> list(JourneyStatus status, Access access, int limit, long offset) {
        access.requireRead();
        return journeys.list(status, reachableEmployees(access), limit, offset);
    }

    @Transactional(readOnly = true)
    public long count(JourneyStatus status, Access access) {
        return journeys.count(status, reachableEmployees(access));
    }

    /** The tracks the caller may see, counted up to {@code upTo} (which then means at least that many). */
    @Transactional(readOnly = true)
    public long countUpTo(JourneyStatus status, Access access, long upTo) {
        access.requireRead();
        return journeys.countUpTo(status, reachableEmployees(access), upTo);
    }

    /** null: everybody (no filter needed). */
    private Collection<Long> reachableEmployees(Access access) {
        if (access.reach().everyone()) {
            return null;
        }
        return employees.search(EmployeeQuery.ALL, access.reach(), Integer.MAX_VALUE, 0).stream().map(Employee::id)
                .toList();
    }

    /** The templates of a mobility that apply to a unit ({@link TrackTemplates#applying}). */
    public List<Sequence> templates(String mobility, Long unitId) {
        return templates.applying(mobility, unitId);
    }

    /**
     * What is wrong with the new employee, checked with everything else so that one answer names every
     * field, nested as the request nests it ({@code employee.unitOrganizationId}, which each dialect
     * names its own way). The start day and the stakeholders are the track's own fields, named there.
     */
    private List<InvalidInput.Violation> newEmployeeViolations(TrackRequest request, LocalDate startDate) {
        return hires.validate(withStakeholders(request, startDate)).stream()
                .filter(violation -> !TRACK_FIELDS.contains(violation.field()))
                .map(violation -> new InvalidInput.Violation(NEW_EMPLOYEE + "." + violation.field(), violation.code(),
                        violation.rejectedValue()))
                .toList();
    }

    private static NewHire withStakeholders(TrackRequest request, LocalDate startDate) {
        NewHire hire = request.newEmployee();
        return hire.toBuilder().role(EmployeeRole.NEW_HIRE).startDay(startDate)
                .buddyId(request.implications().buddyId()).managerId(request.implications().managerId())
                .sequenceIds(List.of()).build();
    }

}
