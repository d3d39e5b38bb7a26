package dev.onboardingengine.api.hire;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.onboardingengine.api.audit.AuditLog;
import dev.onboardingengine.api.directory.Employee;
import dev.onboardingengine.api.directory.EmployeeRole;
import dev.onboardingengine.api.directory.Employees;
import dev.onboardingengine.api.directory.NewEmployee;
import dev.onboardingengine.api.input.FieldLimits;
import dev.onboardingengine.api.organisation.Organisations;
import dev.onboardingengine.workflow.hire.NewHireCreated;
import dev.onboardingengine.workflow.hire.Stakeholder;
import dev.onboardingengine.workflow.sequence.Sequence;
import dev.onboardingengine.workflow.sequence.SequenceCatalog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.Validator;

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
    private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2,3}([-_][A-Za-z0-9]{2,8})*$");

    private final Employees employees;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final OrganisationProperties organisation;
    private final Validator validator;
    private final SequenceCatalog sequences;
    private final MeterRegistry meters;
    private final Organisations units;
    private final StartDayChanges startDayChanges;

    NewHireService(Employees employees, AuditLog audit, ApplicationEventPublisher events,
            OrganisationProperties organisation, Validator validator, SequenceCatalog sequences, MeterRegistry meters,
            Organisations units, StartDayChanges startDayChanges) {
        this.startDayChanges = startDayChanges;
        this.meters = meters;
        this.units = units;
        this.validator = validator;
        this.sequences = sequences;
        this.employees = employees;
        this.audit = audit;
        this.events = events;
        this.organisation = organisation;
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
     * department, a reference out of reach): both kinds are reported together ({@link #validate(NewHire, List)}).
     *
     * @throws InvalidHire naming every field that is wrong; nothing is written then
     */
    @Transactional
    public Employee hire(NewHire hire, List<InvalidHire.Violation> translated, Long actorId) {
        List<InvalidHire.Violation> violations = validate(hire, translated);
        if (!violations.isEmpty()) {
            throw rejected(HireChannel.REST, violations);
        }
        Employee employee = create(hire, null, actorId, true);
        countAfterCommit(HireChannel.REST, HireReceipt.Outcome.CREATED);
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
        List<InvalidHire.Violation> violations = validate(hire);
        if (!violations.isEmpty()) {
            throw rejected(HireChannel.REST, violations);
        }
        Employee employee = create(hire, null, actorId, false);
        countAfterCommit(HireChannel.REST, HireReceipt.Outcome.CREATED);
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
        List<InvalidHire.Violation> violations = validate(externalId, hire);
        if (!violations.isEmpty()) {
            throw rejected(channel, violations);
        }
        HireReceipt receipt = employees.findByExternalId(externalId)
                .map(current -> update(current, hire, actorId, channel))
                .orElseGet(() -> new HireReceipt(create(hire, externalId, actorId, true), HireReceipt.Outcome.CREATED, List.of()));
        countAfterCommit(channel, receipt.outcome());
        return receipt;
    }

    /** @param announce publish NewHireCreated for a new hire (false: the caller starts its journey itself) */
    private Employee create(NewHire hire, String externalId, Long actorId, boolean announce) {
        String timeZone = hire.timeZone() == null ? organisation.timeZone() : hire.timeZone();
        String language = hire.language() == null || hire.language().isBlank() ? organisation.language() : hire.language();
        Instant now = Instant.now();
        LocalDate startDay = hire.startDay() != null ? hire.startDay() : LocalDate.now(ZoneId.of(organisation.timeZone()));
        Employee employee;
        try {
            String storedExternalId = externalId != null ? externalId : hire.externalId();
            employee = employees.insert(new NewEmployee(storedExternalId, hire.firstName().trim(), hire.lastName().trim(),
                    hire.email(), hire.role(), blankToNull(hire.phone()), blankToNull(hire.position()), language,
                    blankToNull(hire.message()), startDay, ZoneId.of(timeZone).getId(), hire.buddyId(), hire.managerId(),
                    hire.unitOrganizationId()), now);
        } catch (DuplicateKeyException raced) {
            if (externalId != null && String.valueOf(raced.getMessage()).toLowerCase(Locale.ROOT).contains("external_id")) {
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
                "%s %s <%s> as %s".formatted(employee.firstName(), employee.lastName(), employee.email(), employee.role()), now,
                null, EmployeeState.of(employee));
        if (announce && employee.role() == EmployeeRole.NEW_HIRE) {
            events.publishEvent(new NewHireCreated(UUID.randomUUID(), employee.id(), employee.firstName(),
                    employee.lastName(), employee.email(), employee.language(), employee.timeZone(), employee.startDay(),
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
                log.info("Sequences of a re-sent hire request for employee {} are ignored: they apply when a hire is created",
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
                            String.join(", ", changed)), now);
            log.info("Employee {} updated from a re-sent hire request (changed {}); no new journey", updated.id(), changed);
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
    @Transactional(readOnly = true)
    public List<InvalidHire.Violation> validate(String externalId, NewHire hire) {
        List<InvalidHire.Violation> violations = new ArrayList<>();
        Long self = null;
        if (externalId == null) {
            violations.add(new InvalidHire.Violation("externalId", "required", null));
        } else if (externalId.isBlank()) {
            violations.add(new InvalidHire.Violation("externalId", "blank", externalId));
        } else if (FieldLimits.tooLong(externalId, FieldLimits.EXTERNAL_ID)) {
            violations.add(new InvalidHire.Violation("externalId", FieldLimits.TOO_LONG, FieldLimits.EXTERNAL_ID));
        } else {
            Employee known = employees.findByExternalIdIncludingRemoved(externalId).orElse(null);
            if (known != null && employees.find(known.id()).isEmpty()) {
                // The person was removed; bringing them back is not something a re-sent request should do silently.
                violations.add(new InvalidHire.Violation("externalId", "removed", externalId));
            }
            self = known == null ? null : known.id();
        }
        violations.addAll(validate(hire, self));
        return violations;
    }

    /**
     * The one validate-and-merge step of the dialects: the hire's own problems, then those its
     * translation found. A field the translation already reports (an unknown role, so the hire has
     * none) is not reported a second time by the hire's rules.
     */
    @Transactional(readOnly = true)
    public List<InvalidHire.Violation> validate(NewHire hire, List<InvalidHire.Violation> translated) {
        Set<String> named = translated.stream().map(InvalidHire.Violation::field).collect(Collectors.toSet());
        List<InvalidHire.Violation> violations = new ArrayList<>(validate(hire, (Long) null).stream()
                .filter(violation -> !named.contains(violation.field())).toList());
        violations.addAll(translated);
        return violations;
    }

    /** Every problem with the hire, without writing anything; empty when it can be accepted. */
    @Transactional(readOnly = true)
    public List<InvalidHire.Violation> validate(NewHire hire) {
        return validate(hire, (Long) null);
    }

    /**
     * @param self the employee being changed, whose own email and external id are not duplicates; null
     *        for a new person
     */
    @Transactional(readOnly = true)
    List<InvalidHire.Violation> validate(NewHire hire, Long self) {
        // Field rules are Bean Validation constraints on NewHire; their messages are violation codes.
        List<InvalidHire.Violation> violations = new ArrayList<>(validator.validate(hire).stream()
                .map(v -> new InvalidHire.Violation(v.getPropertyPath().toString(), v.getMessage(),
                        // A too long value is reported by its limit: echoing a megabyte back helps no one.
                        FieldLimits.TOO_LONG.equals(v.getMessage())
                                ? v.getConstraintDescriptor().getAttributes().get("max") : v.getInvalidValue()))
                .toList());
        boolean emailWellFormed = violations.stream().noneMatch(v -> v.field().equals("email"));
        if (emailWellFormed && employees.emailTaken(hire.email(), self)) {
            violations.add(new InvalidHire.Violation("email", "duplicate", hire.email()));
        }
        if (hire.externalId() != null && employees.externalIdTaken(hire.externalId(), self)) {
            violations.add(new InvalidHire.Violation("externalId", "duplicate", hire.externalId()));
        }
        if (hire.unitOrganizationId() != null && !units.exists(hire.unitOrganizationId())) {
            violations.add(new InvalidHire.Violation("unitOrganizationId", "unknown_reference", hire.unitOrganizationId()));
        }
        String timeZone = hire.timeZone() == null ? organisation.timeZone() : hire.timeZone();
        zone(violations, timeZone);
        String language = hire.language() == null || hire.language().isBlank() ? organisation.language() : hire.language();
        if (!LANGUAGE.matcher(language).matches()) {
            violations.add(new InvalidHire.Violation("language", "invalid_choice", hire.language()));
        }
        reference(violations, "buddyId", hire.buddyId());
        reference(violations, "managerId", hire.managerId());
        // The same sequence twice is refused as ChiefOnboarding's serializer refuses it (fewer distinct
        // sequences found than ids given: "Not all sequence ids are valid."): a journey runs each once.
        boolean repeated = hire.sequenceIds().stream().distinct().count() != hire.sequenceIds().size();
        if (!hire.sequenceIds().isEmpty() && (repeated || sequences.withIds(hire.sequenceIds()).isEmpty())) {
            violations.add(new InvalidHire.Violation("sequenceIds", "unknown_reference", hire.sequenceIds()));
        }
        return violations;
    }

    /**
     * Counts a request that its channel rejected before the service could take it (a record that is
     * not JSON, a reference the channel could not resolve) and returns the exception to throw.
     */
    public InvalidHire rejected(HireChannel channel, List<InvalidHire.Violation> violations) {
        received(channel, "rejected").increment();
        return new InvalidHire(violations);
    }

    /** Counted once the hire is committed: a rolled-back attempt that is retried must not count twice. */
    private void countAfterCommit(HireChannel channel, HireReceipt.Outcome outcome) {
        Counter counter = received(channel, outcome.name().toLowerCase(Locale.ROOT));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    counter.increment();
                }
            });
        } else {
            counter.increment();
        }
    }

    private Counter received(HireChannel channel, String outcome) {
        return Counter.builder("onboarding.hires.received")
                .description("Hire requests received, by channel (rest, kafka) and outcome (created, updated, unchanged, rejected)")
                .tag("channel", channel.tag())
                .tag("outcome", outcome)
                .register(meters);
    }

    private static void zone(List<InvalidHire.Violation> violations, String timeZone) {
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            violations.add(new InvalidHire.Violation("timeZone", "invalid_choice", timeZone));
        }
    }

    private void reference(List<InvalidHire.Violation> violations, String field, Long id) {
        if (id != null && !employees.exists(id)) {
            violations.add(new InvalidHire.Violation(field, "unknown_reference", id));
        }
    }

    /** A manager or buddy must be someone else than the person: checked on changes, where the id is known. */
    static void notSelf(List<InvalidHire.Violation> violations, String field, Long id, long self) {
        if (id != null && id == self) {
            violations.add(new InvalidHire.Violation(field, "self_reference", id));
        }
    }

    private List<String> sequenceKeys(List<Long> sequenceIds) {
        return sequences.withIds(sequenceIds).orElseThrow().stream().map(Sequence::processKey).toList();
    }

    /** The contact the engine needs; people with the role "other" are never notified. */
    public Stakeholder stakeholder(Long employeeId) {
        return employeeId == null ? null : employees.find(employeeId)
                .map(e -> new Stakeholder(e.id(), e.firstName(), e.lastName(), e.email(), e.language(),
                        e.role() != EmployeeRole.OTHER))
                .orElse(null);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
