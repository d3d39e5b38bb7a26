package dev.onboardingengine.workflow.migration;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * Moves the running instances of one version of a journey or sequence to another. A new version only
 * applies to new hires by itself (Camunda keeps each instance on the version it started with); an admin
 * migrates the running ones when the change should reach them too. Activities with the same id are
 * mapped onto each other and their timers recomputed from the new version's definitions
 * (updateEventTriggers), so a waiting timer or an open task stays where it is.
 */
@NamedInterface("migration")
@Service
public class ProcessMigrations {

    private static final Logger log = LoggerFactory.getLogger(ProcessMigrations.class);

    private final RepositoryService repository;
    private final RuntimeService runtime;

    ProcessMigrations(RepositoryService repository, RuntimeService runtime) {
        this.repository = repository;
        this.runtime = runtime;
    }

    /**
     * Migrates every running instance of {@code processKey} version {@code fromVersion} to {@code toVersion}.
     *
     * @throws ProcessVersionNotFound if either version is not deployed
     * @throws VersionsNotMappable if the versions cannot be mapped onto each other
     */
    public MigrationResult migrate(String processKey, int fromVersion, int toVersion) {
        ProcessDefinition from = definition(processKey, fromVersion);
        ProcessDefinition to = definition(processKey, toVersion);
        MigrationPlan plan;
        try {
            plan = runtime.createMigrationPlan(from.getId(), to.getId())
                    .mapEqualActivities()
                    .updateEventTriggers()
                    .build();
        } catch (MigrationPlanValidationException unmappable) {
            throw new VersionsNotMappable(unmappable.getMessage());
        }
        long instances = runtime.createProcessInstanceQuery().processDefinitionId(from.getId()).count();
        if (instances > 0) {
            try {
                runtime.newMigration(plan)
                        .processInstanceQuery(runtime.createProcessInstanceQuery().processDefinitionId(from.getId()))
                        .execute();
            } catch (org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException unmappable) {
                // The plan is valid, but a running instance cannot follow it (it waits where the new version cannot).
                throw new VersionsNotMappable(unmappable.getMessage());
            }
        }
        log.info("Migrated {} instance(s) of {} from version {} to {}", instances, processKey, fromVersion, toVersion);
        return new MigrationResult(processKey, fromVersion, toVersion, instances);
    }

    private ProcessDefinition definition(String processKey, int version) {
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .processDefinitionVersion(version).singleResult();
        if (definition == null) {
            throw new ProcessVersionNotFound(processKey, version);
        }
        return definition;
    }

    /** What a migration did. */
    @NamedInterface("migration")
    public record MigrationResult(String processKey, int fromVersion, int toVersion, long migratedInstances) {
    }

    /** No deployed process has this key and version. */
    @NamedInterface("migration")
    public static class ProcessVersionNotFound extends RuntimeException {

        ProcessVersionNotFound(String processKey, int version) {
            super("No process " + processKey + " version " + version + " is deployed");
        }
    }

    /** Camunda cannot map the running version onto the new one (say, a waiting activity changed its type). */
    @NamedInterface("migration")
    public static class VersionsNotMappable extends RuntimeException {

        VersionsNotMappable(String reason) {
            super(reason);
        }
    }
}
