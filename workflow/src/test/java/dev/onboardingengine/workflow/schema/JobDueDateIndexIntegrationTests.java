package dev.onboardingengine.workflow.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.onboardingengine.workflow.testing.EngineIntegrationTest;

@EngineIntegrationTest
class JobDueDateIndexIntegrationTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Test
    void givenMigratedDatabase_whenJobIndexesListed_thenAcquisitionsDueDateIsIndexed() throws Exception {
        // Given the database Flyway migrated (Camunda's tables, then the due-date index)

        // When the indexes of the job table are listed
        List<String> indexes = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            String table = metaData.storesLowerCaseIdentifiers() ? "act_ru_job" : "ACT_RU_JOB";
            try (ResultSet rows = metaData.getIndexInfo(null, null, table, false, false)) {
                while (rows.next()) {
                    indexes.add(rows.getString("INDEX_NAME"));
                }
            }
        }

        // Then acquisition by due date reads an index, not every waiting timer
        assertThat(indexes).anyMatch("ONB_IDX_RU_JOB_DUEDATE"::equalsIgnoreCase);
    }

    @Test
    void givenAnAsyncContinuation_whenItsJobIsCreated_thenItHasADueDateAndIsAcquirable() {
        // Given a process whose first step is an async continuation (no timer, so no due date of its own)
        repository.createDeployment().name("due-date probe")
                .addModelInstance("due-date-probe.bpmn", Bpmn.createExecutableProcess("due-date-probe")
                        .camundaHistoryTimeToLive(1).startEvent().camundaAsyncBefore().endEvent().done())
                .deploy();

        // When it starts
        String instance = runtime.startProcessInstanceByKey("due-date-probe").getId();

        // Then its job is due now (ensureJobDueDateNotNull), so the range on DUEDATE_ finds it, and it runs
        Job job = management.createJobQuery().processInstanceId(instance).singleResult();
        assertThat(job.getDuedate()).isNotNull();
        assertThat(management.createJobQuery().processInstanceId(instance).executable().count()).isEqualTo(1);
        management.executeJob(job.getId());
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
    }
}
