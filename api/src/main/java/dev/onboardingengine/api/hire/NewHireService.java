package dev.onboardingengine.api.hire;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

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
import dev.onboardingengine.api.organisation.Organisations;
import dev.onboardingengine.workflow.hire.NewHireCreated;
import dev.onboardingengine.workflow.hire.Stakeholder;
import dev.onboardingengine.workflow.sequence.Sequence;
import dev.onboardingengine.workflow.sequence.SequenceCatalog;
import jakarta.validation.Validator;

/**
 * The one way a person enters the engine, for every dialect and the hire-requests topic. Validates,
 * writes the employee, the audit entry and (for a new hire) the NewHireCreated event in one
 * transaction: the event is stored by the outbox with the employee and reaches Kafka after commit,
 * so a committed hire is never without its event and a rolled-back one never has one.
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
    private final Organisations units;

    NewHireService(Employees employees, AuditLog audit, ApplicationEventPublisher events,
            OrganisationProperties organisation, Validator validator, SequenceCatalog sequences, Organisations units) {
        this.units = units;
        this.validator = validator;
        this.sequences = sequences;
        this.employees = employees;
        this.audit = audit;
        this.events = events;
        this.organisation = organisation;
    }

    /**
     * @param actorId the employee whose token made the request, null for the engine itself
     * @throws InvalidHire naming every field that is wrong; nothing is written then
     */
    @Transactional
    public Employee hire(NewHire hire, Long actorId) {
        List<InvalidHire.Violation> violations = validate(hire);
        if (!violations.isEmpty()) {
            throw new InvalidHire(violations);
        }
        String timeZone = hire.timeZone() == null ? organisation.timeZone() : hire.timeZone();
        String language = hire.language() == null || hire.language().isBlank() ? organisation.language() : hire.language();
        Instant now = Instant.now();
        LocalDate startDay = hire.startDay() != null ? hire.startDay() : LocalDate.now(ZoneId.of(organisation.timeZone()));
        Employee employee;
        try {
            employee = employees.insert(new NewEmployee(hire.externalId(), hire.firstName().trim(), hire.lastName().trim(),
                    hire.email(), hire.role(), blankToNull(hire.phone()), blankToNull(hire.position()), language,
                    blankToNull(hire.message()), startDay, ZoneId.of(timeZone).getId(), hire.buddyId(), hire.managerId(),
                    hire.unitOrganizationId()), now);
        } catch (DuplicateKeyException raced) {
            // Two requests for the same address (or external id) at once: the constraint decides, the loser hears why.
            boolean externalId = hire.externalId() != null && employees.externalIdTaken(hire.externalId(), null);
            throw new InvalidHire(List.of(externalId
                    ? new InvalidHire.Violation("externalId", "duplicate", hire.externalId())
                    : new InvalidHire.Violation("email", "duplicate", hire.email())));
        }
        audit.record("user_creation", actorId, "employee", employee.id(),
                "%s %s <%s> as %s".formatted(employee.firstName(), employee.lastName(), employee.email(), employee.role()), now,
                null, EmployeeState.of(employee));
        if (employee.role() == EmployeeRole.NEW_HIRE) {
            events.publishEvent(new NewHireCreated(UUID.randomUUID(), employee.id(), employee.firstName(),
                    employee.lastName(), employee.email(), employee.language(), employee.timeZone(), employee.startDay(),
                    employee.buddyId(), employee.managerId(), sequenceKeys(hire.sequenceIds()), now,
                    stakeholder(employee.buddyId()),
                    stakeholder(employee.managerId())));
        }
        try (var ignored = MDC.putCloseable("employeeId", Long.toString(employee.id()))) {
            log.info("Employee {} created as {}{}", employee.id(), employee.role(),
                    employee.role() == EmployeeRole.NEW_HIRE ? "; journey requested" : "");
        }
        return employee;
    }

    /** Every problem with the hire, without writing anything; empty when it can be accepted. */
    @Transactional(readOnly = true)
    public List<InvalidHire.Violation> validate(NewHire hire) {
        return validate(hire, null);
    }

    /**
     * @param self the employee being changed, whose own email and external id are not duplicates; null
     *        for a new person
     */
    @Transactional(readOnly = true)
    List<InvalidHire.Violation> validate(NewHire hire, Long self) {
        // Field rules are Bean Validation constraints on NewHire; their messages are violation codes.
        List<InvalidHire.Violation> violations = new ArrayList<>(validator.validate(hire).stream()
                .map(v -> new InvalidHire.Violation(v.getPropertyPath().toString(), v.getMessage(), v.getInvalidValue()))
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
        if (!hire.sequenceIds().isEmpty() && sequences.withIds(hire.sequenceIds()).isEmpty()) {
            violations.add(new InvalidHire.Violation("sequenceIds", "unknown_reference", hire.sequenceIds()));
        }
        return violations;
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
    private Stakeholder stakeholder(Long employeeId) {
        return employeeId == null ? null : employees.find(employeeId)
                .map(e -> new Stakeholder(e.id(), e.firstName(), e.lastName(), e.email(), e.language(),
                        e.role() != EmployeeRole.OTHER))
                .orElse(null);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
