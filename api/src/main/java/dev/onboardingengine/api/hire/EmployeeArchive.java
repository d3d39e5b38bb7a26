package dev.onboardingengine.api.hire;

import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.onboardingengine.api.audit.AuditLog;
import dev.onboardingengine.api.directory.DirectoryEntries;
import dev.onboardingengine.api.directory.DirectoryEntry;
import dev.onboardingengine.api.directory.EmployeeNotFound;
import dev.onboardingengine.api.directory.Employees;
import dev.onboardingengine.workflow.journey.JourneyCancellation;

/**
 * People leaving the directory, for every dialect that deletes (Offly's archive, Bridge's delete and
 * hide). Archiving is a soft delete: the row stays readable to Offly and Bridge, disappears from
 * Workelo's and ChiefOnboarding's reads, its API tokens stop working, and its running journeys are
 * cancelled in the same transaction. Hiding an archived person removes them from every list of
 * every dialect; their audit history stays.
 */
@Service
public class EmployeeArchive {

    private static final Logger log = LoggerFactory.getLogger(EmployeeArchive.class);

    private final DirectoryEntries entries;
    private final Employees employees;
    private final AuditLog audit;
    private final JourneyCancellation journeys;

    EmployeeArchive(DirectoryEntries entries, Employees employees, AuditLog audit, JourneyCancellation journeys) {
        this.entries = entries;
        this.employees = employees;
        this.audit = audit;
        this.journeys = journeys;
    }

    /**
     * @return false when the person was already archived (nothing written)
     * @throws EmployeeNotFound when there is no such person, or they are hidden
     */
    @Transactional
    public boolean archive(long id, Long actorId) {
        // First the person's row: a journey being started for them waits, or has committed and is cancelled here.
        employees.lock(id);
        DirectoryEntry entry = entries.find(id).orElseThrow(() -> new EmployeeNotFound(id));
        Instant now = Instant.now();
        if (!entries.archive(id, now)) {
            return false;
        }
        List<Long> cancelled = journeys.cancelRunning(id, "employee archived");
        audit.record("user_deletion", actorId, "employee", id,
                "%s %s <%s> archived; journeys cancelled: %s".formatted(entry.employee().firstName(),
                        entry.employee().lastName(), entry.employee().email(), cancelled),
                now,
                EmployeeState.of(entry.employee()), null);
        try (var ignored = MDC.putCloseable("employeeId", Long.toString(id))) {
            log.info("Employee {} archived, journeys {} cancelled", id, cancelled);
        }
        return true;
    }

    /**
     * @throws EmployeeNotFound when there is no such person, or they are hidden already
     * @throws StillActive when the person is not archived
     */
    @Transactional
    public void hide(long id, Long actorId) {
        employees.lock(id);
        DirectoryEntry entry = entries.find(id).orElseThrow(() -> new EmployeeNotFound(id));
        if (!entry.archived()) {
            throw new StillActive(id);
        }
        Instant now = Instant.now();
        if (entries.hide(id, now)) {
            audit.record("user_hiding", actorId, "employee", id, "Archived employee %d hidden".formatted(id), now);
            try (var ignored = MDC.putCloseable("employeeId", Long.toString(id))) {
                log.info("Employee {} hidden", id);
            }
        }
    }

    /** Only an archived (deleted) person can be hidden. */
    public static class StillActive extends RuntimeException {

        StillActive(long id) {
            super("Employee " + id + " is active: only a deleted user can be hidden");
        }
    }
}
