package dev.onboardingengine.api.people;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.onboardingengine.api.auth.Access;
import dev.onboardingengine.api.directory.DirectoryEntries;
import dev.onboardingengine.api.directory.DirectoryEntries.Standing;
import dev.onboardingengine.api.directory.DirectoryEntry;
import dev.onboardingengine.api.hire.OrganisationProperties;
import dev.onboardingengine.api.hire.ReferenceReach;

/**
 * The directory as the dialects that show archived people (Offly, Bridge) read it: pages of people in
 * the caller's reach, one person by any of their names, and the references a request may make. Every
 * access decision of those reads is taken here, so a dialect only translates.
 */
@Service
public class People {

    private final DirectoryEntries entries;
    private final ReferenceReach references;
    private final OrganisationProperties organisation;

    People(DirectoryEntries entries, ReferenceReach references, OrganisationProperties organisation) {
        this.entries = entries;
        this.references = references;
        this.organisation = organisation;
    }

    /**
     * Up to {@code limit} people in the caller's reach with this standing (null: any), after
     * {@code afterId} (null: from the first), by id.
     */
    @Transactional(readOnly = true)
    public List<DirectoryEntry> page(Standing standing, Access rights, Long afterId, int limit) {
        rights.requireRead();
        return entries.searchAfter(standing, today(), rights.reach(), afterId, limit);
    }

    /**
     * @throws PersonNotFound when no one (or a hidden person) has this name
     * @throws dev.onboardingengine.api.directory.EmployeeNotFound when the caller may not see them
     */
    @Transactional(readOnly = true)
    public DirectoryEntry visible(PersonRef person, Access rights) {
        DirectoryEntry entry = find(person);
        rights.visible(entry.employee());
        return entry;
    }

    /** @throws PersonNotFound when no one (or a hidden person) has this name */
    DirectoryEntry find(PersonRef person) {
        return lookUp(person).orElseThrow(() -> new PersonNotFound(person));
    }

    /**
     * The id of a person a request names as a reference (a manager): someone current whom the caller
     * could reach directly. Anyone else is absent to the caller, so the answer tells nothing about who
     * exists in other units.
     */
    @Transactional(readOnly = true)
    public Optional<Long> reachable(PersonRef person, Access rights) {
        return lookUp(person).filter(found -> !found.archived())
                .filter(found -> !references.hides(rights.reach(), found.employee().id()))
                .map(found -> found.employee().id());
    }

    /** Whether anyone, hidden people included, has this value in a unique profile field. */
    @Transactional(readOnly = true)
    public boolean profileValueTaken(String field, String value) {
        return entries.profileValueTaken(field, value);
    }

    /** The UUID of a current or archived person, to render a reference by it. */
    @Transactional(readOnly = true)
    public Optional<UUID> uuidOf(Long employeeId) {
        return employeeId == null
                ? Optional.empty()
                : entries.find(employeeId).map(entry -> entry.employee().uuid());
    }

    /** Pending until the start day (in the organisation's time zone), active from it, archived once deleted. */
    public Standing standingOf(DirectoryEntry entry) {
        if (entry.archived()) {
            return Standing.ARCHIVED;
        }
        LocalDate startDay = entry.employee().startDay();
        return startDay != null && startDay.isAfter(today()) ? Standing.PENDING : Standing.ACTIVE;
    }

    private Optional<DirectoryEntry> lookUp(PersonRef person) {
        if (person.id() != null) {
            return entries.find(person.id());
        }
        if (person.uuid() != null) {
            return entries.findByUuid(person.uuid());
        }
        if (person.profileField() != null) {
            return entries.findByProfile(person.profileField(), person.profileValue());
        }
        return Optional.empty();
    }

    private LocalDate today() {
        return LocalDate.now(ZoneId.of(organisation.timeZone()));
    }
}
