package dev.onboardingengine.api.hire;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.onboardingengine.api.audit.AuditLog;
import dev.onboardingengine.api.directory.Employee;
import dev.onboardingengine.api.directory.EmployeeNotFound;
import dev.onboardingengine.api.directory.Employees;
import dev.onboardingengine.api.directory.NewEmployee;

/**
 * Changes to a person already in the directory, validated by the same rules as a hire. A change never
 * starts a journey: journeys start when a person is created as a new hire (and, later, from tracks).
 */
@Service
public class EmployeeEditor {

    private static final Logger log = LoggerFactory.getLogger(EmployeeEditor.class);

    private final Employees employees;
    private final HireRules rules;
    private final AuditLog audit;
    private final StartDayChanges startDayChanges;

    EmployeeEditor(Employees employees, HireRules rules, AuditLog audit, StartDayChanges startDayChanges) {
        this.employees = employees;
        this.rules = rules;
        this.audit = audit;
        this.startDayChanges = startDayChanges;
    }

    /**
     * @throws EmployeeNotFound when there is no such employee
     * @throws InvalidHire naming every bad field; nothing is written then
     */
    @Transactional
    public Employee update(long id, EmployeeChange change, Long actorId) {
        return update(id, change, Set.of(), actorId);
    }

    /**
     * A change that may also empty the references in {@code cleared} (a client's explicit
     * {@code null}), which {@link EmployeeChange}'s nulls cannot say.
     */
    @Transactional
    public Employee update(long id, EmployeeChange change, Set<Cleared> cleared, Long actorId) {
        employees.lock(id);
        Employee before = employees.find(id).orElseThrow(() -> new EmployeeNotFound(id));
        NewHire merged = NewHire.builder().firstName(pick(change.firstName(), before.firstName()))
                .lastName(pick(change.lastName(), before.lastName())).email(pick(change.email(), before.email()))
                .role(pick(change.role(), before.role())).phone(pick(change.phone(), before.phone()))
                .position(pick(change.position(), before.position()))
                .language(pick(change.language(), before.language())).message(before.message())
                .startDay(pick(change.startDay(), before.startDay()))
                .buddyId(pick(change.buddyId(), before.buddyId()))
                .managerId(cleared.contains(Cleared.MANAGER) ? null : pick(change.managerId(), before.managerId()))
                .timeZone(pick(change.timeZone(), before.timeZone()))
                .externalId(pick(change.externalId(), before.externalId()))
                .unitOrganizationId(cleared.contains(Cleared.UNIT_ORGANIZATION)
                        ? null
                        : pick(change.unitOrganizationId(), before.unitOrganizationId()))
                .build();
        List<InvalidHire.Violation> violations = new ArrayList<>(rules.validate(merged, id));
        HireRules.notSelf(violations, "managerId", merged.managerId(), id);
        HireRules.notSelf(violations, "buddyId", merged.buddyId(), id);
        if (!violations.isEmpty()) {
            throw new InvalidHire(violations);
        }
        Instant now = Instant.now();
        Employee after;
        try {
            after = employees.update(id, new NewEmployee(merged.externalId(), merged.firstName().trim(),
                    merged.lastName().trim(), merged.email(), merged.role(), NewHireService.blankToNull(merged.phone()),
                    NewHireService.blankToNull(merged.position()), merged.language(), merged.message(),
                    merged.startDay(),
                    merged.timeZone(), merged.buddyId(), merged.managerId(), merged.unitOrganizationId()), now);
        } catch (DuplicateKeyException raced) {
            throw new InvalidHire(List.of(new InvalidHire.Violation("email", "duplicate", merged.email())));
        }
        startDayChanges.apply(id, before.startDay(), after.startDay());
        audit.record("user_update", actorId, "employee", id,
                "%s %s <%s> changed".formatted(after.firstName(), after.lastName(), after.email()), now,
                EmployeeState.of(before), EmployeeState.of(after));
        try (var ignored = MDC.putCloseable("employeeId", Long.toString(id))) {
            log.info("Employee {} changed", id);
        }
        return after;
    }

    /** The references a change can empty. */
    public enum Cleared {
        MANAGER, UNIT_ORGANIZATION
    }

    private static <T> T pick(T changed, T current) {
        return changed != null ? changed : current;
    }
}
