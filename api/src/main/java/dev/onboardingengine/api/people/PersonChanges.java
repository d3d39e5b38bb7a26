package dev.onboardingengine.api.people;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.onboardingengine.api.audit.AuditLog;
import dev.onboardingengine.api.auth.Access;
import dev.onboardingengine.api.directory.DirectoryEntries;
import dev.onboardingengine.api.directory.DirectoryEntry;
import dev.onboardingengine.api.directory.Employee;
import dev.onboardingengine.api.directory.EmployeeProfile;
import dev.onboardingengine.api.directory.EmployeeRole;
import dev.onboardingengine.api.directory.Employees;
import dev.onboardingengine.api.hire.EmployeeChange;
import dev.onboardingengine.api.hire.EmployeeEditor;
import dev.onboardingengine.api.hire.InvalidHire;

/**
 * A partial change of a person through a dialect that keeps profile fields: the hire fields through
 * {@link EmployeeEditor} (a new start day moves the running journey's timers), the profile fields on the
 * same row, in one transaction. A change that changes nothing writes nothing.
 */
@Service
public class PersonChanges {

    private static final EmployeeChange NOTHING = new EmployeeChange(null, null, null, null, null, null, null, null,
            null, null, null, null, null);

    private final People people;
    private final Employees employees;
    private final EmployeeEditor editor;
    private final DirectoryEntries entries;
    private final AuditLog audit;

    PersonChanges(People people, Employees employees, EmployeeEditor editor, DirectoryEntries entries, AuditLog audit) {
        this.people = people;
        this.employees = employees;
        this.editor = editor;
        this.entries = entries;
        this.audit = audit;
    }

    /**
     * @throws PersonNotFound when no one has this name
     * @throws PersonArchived when the person is archived
     * @throws InvalidHire with the translation's violations, or the editor's
     */
    @Transactional
    public DirectoryEntry change(PersonChange request, Access rights) {
        // Read again under the person's lock: a deletion running at the same time is either seen or waits.
        employees.lock(people.find(request.person()).employee().id());
        DirectoryEntry entry = people.find(request.person());
        Employee current = rights.changeable(entry.employee());
        if (entry.archived()) {
            throw new PersonArchived(request.person());
        }
        if (!request.violations().isEmpty()) {
            throw new InvalidHire(request.violations());
        }
        EmployeeChange change = request.change();
        EmployeeRole role = change.role() == null ? current.role() : change.role();
        Set<EmployeeEditor.Cleared> cleared = EnumSet.noneOf(EmployeeEditor.Cleared.class);
        if (request.cleared().contains(EmployeeEditor.Cleared.MANAGER) && current.managerId() != null) {
            cleared.add(EmployeeEditor.Cleared.MANAGER);
        }
        if (request.cleared().contains(EmployeeEditor.Cleared.UNIT_ORGANIZATION)
                && current.unitOrganizationId() != null) {
            cleared.add(EmployeeEditor.Cleared.UNIT_ORGANIZATION);
        }
        rights.requirePlacement(change.unitOrganizationId() != null
                ? change.unitOrganizationId()
                : cleared.contains(EmployeeEditor.Cleared.UNIT_ORGANIZATION) ? null : current.unitOrganizationId(),
                role == current.role() ? null : role);
        if (!cleared.isEmpty() || !change.equals(NOTHING)) {
            editor.update(current.id(), new EmployeeChange(change.firstName(), change.lastName(), change.email(),
                    role == current.role() ? null : role, change.phone(), change.position(), change.language(),
                    change.startDay(), change.buddyId(), change.managerId(), change.timeZone(), change.externalId(),
                    change.unitOrganizationId()), cleared, rights.caller().employeeId());
        }
        EmployeeProfile before = entry.profile();
        EmployeeProfile after = before.with(request.profile());
        if (!after.equals(before)) {
            Instant now = Instant.now();
            entries.saveProfile(current.id(), after, now);
            audit.record("user_update", rights.caller().employeeId(), "employee", current.id(),
                    "Profile fields of %s changed".formatted(current.email()), now,
                    state(before, request.profile()), state(after, request.profile()));
        }
        return entries.find(current.id()).orElseThrow();
    }

    /** The audited fields: those the change names. */
    private static Map<String, Object> state(EmployeeProfile profile, Map<String, String> named) {
        Map<String, Object> state = new LinkedHashMap<>();
        named.keySet().forEach(field -> state.put(field, profile.get(field)));
        return state;
    }
}
