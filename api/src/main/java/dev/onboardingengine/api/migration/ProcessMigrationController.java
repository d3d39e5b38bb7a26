package dev.onboardingengine.api.migration;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.onboardingengine.api.auth.Caller;
import dev.onboardingengine.api.auth.DirectoryAccess;
import dev.onboardingengine.api.problem.InvalidInput;
import dev.onboardingengine.workflow.migration.ProcessMigrations;
import dev.onboardingengine.workflow.migration.ProcessMigrations.MigrationResult;

/**
 * {@code POST /api/admin/process-migrations}: an admin moves the running journeys or sequences of one
 * version to another (new hires always get the latest version).
 */
@RestController
class ProcessMigrationController {

    private final ProcessMigrations migrations;
    private final DirectoryAccess access;

    ProcessMigrationController(ProcessMigrations migrations, DirectoryAccess access) {
        this.migrations = migrations;
        this.access = access;
    }

    @PostMapping("/api/admin/process-migrations")
    Migrated migrate(Caller caller, @RequestBody(required = false) MigrationRequest request) {
        access.of(caller).requireAdmin();
        if (request == null) {
            throw new InvalidInput(List.of(new InvalidInput.Violation("process_key", "required", null)));
        }
        List<InvalidInput.Violation> violations = new ArrayList<>();
        if (request.processKey() == null || request.processKey().isBlank()) {
            violations.add(new InvalidInput.Violation("process_key", "required", request.processKey()));
        }
        if (request.fromVersion() == null || request.fromVersion() < 1) {
            violations.add(new InvalidInput.Violation("from_version", "invalid", request.fromVersion()));
        }
        if (request.toVersion() == null || request.toVersion() < 1) {
            violations.add(new InvalidInput.Violation("to_version", "invalid", request.toVersion()));
        } else if (request.toVersion().equals(request.fromVersion())) {
            violations.add(new InvalidInput.Violation("to_version", "same", request.toVersion()));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        MigrationResult result = migrations.migrate(request.processKey(), request.fromVersion(), request.toVersion());
        return new Migrated(result.processKey(), result.fromVersion(), result.toVersion(), result.migratedInstances());
    }

    record MigrationRequest(@JsonProperty("process_key") String processKey,
            @JsonProperty("from_version") Integer fromVersion, @JsonProperty("to_version") Integer toVersion) {
    }

    record Migrated(@JsonProperty("process_key") String processKey, @JsonProperty("from_version") int fromVersion,
            @JsonProperty("to_version") int toVersion, @JsonProperty("migrated_instances") long migratedInstances) {
    }
}
