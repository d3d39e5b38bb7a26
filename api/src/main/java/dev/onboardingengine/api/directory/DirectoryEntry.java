package dev.onboardingengine.api.directory;

import java.time.Instant;

/**
 * A person as the dialects that show archived people (Offly, Bridge) read them.
 *
 * @param archivedAt when the person was soft-deleted (archived); null while they are current
 */
public record DirectoryEntry(Employee employee, EmployeeProfile profile, Instant archivedAt) {

    public boolean archived() {
        return archivedAt != null;
    }
}
