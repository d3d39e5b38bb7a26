package dev.onboardingengine.api.hire;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.onboardingengine.api.audit.AuditLog;
import dev.onboardingengine.api.directory.Employee;
import dev.onboardingengine.api.directory.EmployeeRole;
import dev.onboardingengine.api.directory.Employees;
import dev.onboardingengine.api.directory.NewEmployee;
import dev.onboardingengine.workflow.hire.NewHireCreated;
import dev.onboardingengine.workflow.hire.Stakeholder;
import dev.onboardingengine.workflow.sequence.Sequence;
import dev.onboardingengine.workflow.sequence.SequenceCatalog;

/**
 * The one way a person enters the engine, for every dialect and the hire-requests topic. Validates,
 * writes the employee, the audit entry and (for a new hire) the NewHireCreated event in one
 * transaction: the event is stored by the outbox with the employee and reaches Kafka after commit,
 * so a committed hire is never without its event and a rolled-back one never has one.
 *
 * <p>A request that carries the sender's external id ({@link #hireOrUpdate}) creates the employee
 * the first time and updates it afterwards: re-sending never duplicates a person and never starts a
 * second journey. Every request counts in {@code onboarding.hires.received}, tagged with its channel
 * and outcome.
 */
@Service
public class NewHireService {

    private static final Logger log = LoggerFactory.getLogger(NewHireService.class);

    private final Employees employees;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final OrganisationProperties organisation;
    private final SequenceCatalog sequences;
    private final StartDayChanges startDayChanges;
    private final HireRules rules;
    private final HireCounts counts;

    NewHireService(Employees employees, AuditLog audit, ApplicationEventPublisher events,
            OrganisationProperties organisation, SequenceCatalog sequences, StartDayChanges startDayChanges,
            HireRules rules, HireCounts counts) {
        this.employees = employees;
        this.audit = audit;
        this.events = events;
        this.organisation = organisation;
        this.sequences = sequences;
        this.startDayChanges = startDayChanges;
        this.rules = rules;
        this.counts = counts;
    }

    /**
     * A hire from a REST dialect, which has no external id: always a new employee.
     *
     * @param actorId the employee whose token made the request, null for the engine itself
     * @throws InvalidHire naming every field that is wrong; nothing is written then
     */
    @Transactional
    public Employee hire(NewHire hire, Long actorId) {
        return hire(hire, List.of(), actorId);
    }

    /**
     * A hire whose dialect found mistakes of its own while translating the request (an unknown role or
     * department, a reference out of reach): both kinds are reported together, by the one validate-and-merge
     * step ({@link HireRules#validate(NewHire, List)}).
     *
     * @throws InvalidHire naming every field that is wrong; nothing is written then
     */
    @Transactional
    public Employee hire(NewHire hire, List<InvalidHire.Violation> translated, Long actorId) {
        List<InvalidHire.Violation> violations = rules.validate(hire, translated);
        if (!violations.isEmpty()) {
            throw rejected(HireChannel.REST, violations);
        }
        Employee employee = create(hire, null, actorId, true);
        counts.afterCommit(HireChannel.REST, HireReceipt.Outcome.CREATED);
        return employee;
    }

    /**
     * A new hire whose journey is a Workelo track created by the caller in the same transaction: the
     * employee and the audit entry are written as for {@link #hire}, but no NewHireCreated is
     * published, since the track's draft journey is that hire's journey and a second one must not start.
     *
     * @throws InvalidHire naming every field that is wrong; nothing is written then
     */
    @Transactional
    public Employee hireForTrack(NewHire hire, Long actorId) {
        List<InvalidHire.Violation> violations = rules.validate(hire, (Long) null);
        if (!violations.isEmpty()) {
            throw rejected(HireChannel.REST, violations);
        }
        Employee employee = create(hire, null, actorId, false);
        counts.afterCommit(HireChannel.REST, HireReceipt.Outcome.CREATED);
        return employee;
    }

    /**
     * A hire that names the sender's own id for the person. The first request creates the employee
     * (and, for a new hire, the journey); a later one with the same external id updates the stored
     * fields, audited as {@code user_update}, and starts nothing. In an update, an optional field
     * that is absent (null) keeps its stored value and a blank one clears it; sequences apply only
     * when the hire is created, since the journey is already running after that.
     *
     * @param actorId the employee whose token made the request, null for the engine itself
     * @throws InvalidHire naming every field that is wrong (the external id as {@code externalId});
     *     nothing is written then
     */
    @Transactional
    public HireReceipt hireOrUpdate(String externalId, NewHire hire, Long actorId, HireChannel channel) {
        List<InvalidHire.Violation> violations = rules.validate(externalId, hire);
        if (!violations.isEmpty()) {
            throw rejected(channel, violations);
        }
        HireReceipt receipt = employees.findByExternalId(externalId)
                .map(current -> update(current, hire, actorId, channel))
                .orElseGet(() -> new HireReceipt(create(hire, externalId, actorId, true), HireReceipt.Outcome.CREATED,
                        List.of()));
        counts.afterCommit(channel, receipt.outcome());
        return receipt;
    }

    /** @param announce publish NewHireCreated for a new hire (false: the caller starts its journey itself) */
    private Employee create(NewHire hire, String externalId, Long actorId, boolean announce) {
        String timeZone = hire.timeZone() == null ? organisation.timeZone() : hire.timeZone();
        String language = hire.language() == null || hire.language().isBlank()
                ? organisation.language()
                : hire.language();
        Instant now = Instant.now();
        LocalDate startDay = hire.startDay() != null
                ? hire.startDay()
                : LocalDate.now(ZoneId.of(organisation.timeZone()));
        Employee employee;
        try {
            String storedExternalId = externalId != null ? externalId : hire.externalId();
            employee = employees.insert(new NewEmployee(storedExternalId, hire.firstName().trim(),
                    hire.lastName().trim(),
                    hire.email(), hire.role(), blankToNull(hire.phone()), blankToNull(hire.position()), language,
                    blankToNull(hire.message()), startDay, ZoneId.of(timeZone).getId(), hire.buddyId(),
                    hire.managerId(),
                    hire.unitOrganizationId()), now);
        } catch (DuplicateKeyException raced) {
            if (externalId != null
                    && String.valueOf(raced.getMessage()).toLowerCase(Locale.ROOT).contains("external_id")) {
                // The same external id was created concurrently: retried, this request becomes an update.
                throw raced;
            }
            // Two requests for the same address (or external id) at once: the constraint decides, the loser hears why.
            boolean externalIdTaken = hire.externalId() != null && employees.externalIdTaken(hire.externalId(), null);
            throw new InvalidHire(List.of(externalIdTaken
                    ? new InvalidHire.Violation("externalId", "duplicate", hire.externalId())
                    : new InvalidHire.Violation("email", "duplicate", hire.email())));
        }
        audit.record("user_creation", actorId, "employee", employee.id(),
                "%s %s <%s> as %s".formatted(employee.firstName(), employee.lastName(), employee.email(),
                        employee.role()),
                now,
                null, EmployeeState.of(employee));
        if (announce && employee.role() == EmployeeRole.NEW_HIRE) {
            events.publishEvent(new NewHireCreated(UUID.randomUUID(), employee.id(), employee.firstName(),
                    employee.lastName(), employee.email(), employee.language(), employee.timeZone(),
                    employee.startDay(),
                    employee.buddyId(), employee.managerId(), sequenceKeys(hire.sequenceIds()), now,
                    stakeholder(employee.buddyId()),
                    stakeholder(employee.managerId()), employee.uuid()));
        }
        try (var ignored = MDC.putCloseable("employeeId", Long.toString(employee.id()))) {
            log.info("Employee {} created as {}{}", employee.id(), employee.role(),
                    employee.role() == EmployeeRole.NEW_HIRE ? "; journey requested" : "");
        }
        return employee;
    }

    private HireReceipt update(Employee current, NewHire hire, Long actorId, HireChannel channel) {
        NewEmployee wanted = new NewEmployee(current.externalId(), hire.firstName().trim(), hire.lastName().trim(),
                Employees.normalizeEmail(hire.email()), hire.role(),
                hire.phone() == null ? current.phone() : blankToNull(hire.phone()),
                hire.position() == null ? current.position() : blankToNull(hire.position()),
                hire.language() == null || hire.language().isBlank() ? current.language() : hire.language(),
                hire.message() == null ? current.message() : blankToNull(hire.message()),
                hire.startDay() == null ? current.startDay() : hire.startDay(),
                hire.timeZone() == null ? current.timeZone() : ZoneId.of(hire.timeZone()).getId(),
                hire.buddyId() == null ? current.buddyId() : hire.buddyId(),
                hire.managerId() == null ? current.managerId() : hire.managerId(),
                hire.unitOrganizationId() == null ? current.unitOrganizationId() : hire.unitOrganizationId());
        List<String> changed = changedFields(current, wanted);
        try (var ignored = MDC.putCloseable("employeeId", Long.toString(current.id()))) {
            if (!hire.sequenceIds().isEmpty()) {
                log.info(
                        "Sequences of a re-sent hire request for employee {} are ignored: they apply when a hire is created",
                        current.id());
            }
            if (changed.isEmpty()) {
                log.info("Hire request for external id {} repeats what is stored for employee {}; nothing to change",
                        current.externalId(), current.id());
                return new HireReceipt(current, HireReceipt.Outcome.UNCHANGED, List.of());
            }
            Instant now = Instant.now();
            Employee updated = employees.update(current.id(), wanted, now);
            startDayChanges.apply(updated.id(), current.startDay(), updated.startDay());
            audit.record("user_update", actorId, "employee", updated.id(),
                    "external id %s via %s: changed %s".formatted(current.externalId(), channel.tag(),
                            String.join(", ", changed)),
                    now);
            log.info("Employee {} updated from a re-sent hire request (changed {}); no new journey", updated.id(),
                    changed);
            return new HireReceipt(updated, HireReceipt.Outcome.UPDATED, changed);
        }
    }

    /** The NewHire fields whose stored value differs from the wanted one. */
    private static List<String> changedFields(Employee current, NewEmployee wanted) {
        List<String> changed = new ArrayList<>();
        compare(changed, "firstName", current.firstName(), wanted.firstName());
        compare(changed, "lastName", current.lastName(), wanted.lastName());
        compare(changed, "email", current.email(), wanted.email());
        compare(changed, "role", current.role(), wanted.role());
        compare(changed, "phone", current.phone(), wanted.phone());
        compare(changed, "position", current.position(), wanted.position());
        compare(changed, "language", current.language(), wanted.language());
        compare(changed, "message", current.message(), wanted.message());
        compare(changed, "startDay", current.startDay(), wanted.startDay());
        compare(changed, "timeZone", current.timeZone(), wanted.timeZone());
        compare(changed, "buddyId", current.buddyId(), wanted.buddyId());
        compare(changed, "managerId", current.managerId(), wanted.managerId());
        return changed;
    }

    private static void compare(List<String> changed, String field, Object stored, Object wanted) {
        if (!Objects.equals(stored, wanted)) {
            changed.add(field);
        }
    }

    /**
     * Every problem with a hire request that names an external id, without writing anything: the
     * same rules as {@link #validate(NewHire)}, except that when the external id is known, the email
     * may be the one that person already has.
     */
    public List<InvalidHire.Violation> validate(String externalId, NewHire hire) {
        return rules.validate(externalId, hire);
    }

    /** Every problem with the hire, without writing anything; empty when it can be accepted. */
    public List<InvalidHire.Violation> validate(NewHire hire) {
        return rules.validate(hire, (Long) null);
    }

    /**
     * Counts a request that its channel rejected before the service could take it (a record that is
     * not JSON, a reference the channel could not resolve) and returns the exception to throw.
     */
    public InvalidHire rejected(HireChannel channel, List<InvalidHire.Violation> violations) {
        counts.rejected(channel);
        return new InvalidHire(violations);
    }

    private List<String> sequenceKeys(List<Long> sequenceIds) {
        return sequences.withIds(sequenceIds).orElseThrow().stream().map(Sequence::processKey).toList();
    }

    /** The contact the engine needs; people with the role "other" are never notified. */
    public Stakeholder stakeholder(Long employeeId) {
        return employeeId == null
                ? null
                : employees.find(employeeId)
                        .map(e -> new Stakeholder(e.id(), e.firstName(), e.lastName(), e.email(), e.language(),
                                e.role() != EmployeeRole.OTHER))
                        .orElse(null);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
