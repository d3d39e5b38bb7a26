package dev.onboardingengine.workflow.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.onboardingengine.workflow.testing.EngineIntegrationTest;

@EngineIntegrationTest
class ActionHistoryIndexesIntegrationTests {

    @Autowired
    DataSource dataSource;

    @Test
    void camundasHistoricTasksAreIndexedByAssigneeOnceTheEngineStarted() throws Exception {
        // Given the engine started on a database where Flyway ran before Camunda created its tables

        // When the indexes of the historic task table are listed
        List<String> indexes = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            String table = metaData.storesLowerCaseIdentifiers() ? "act_hi_taskinst" : "ACT_HI_TASKINST";
            try (ResultSet rows = metaData.getIndexInfo(null, null, table, false, false)) {
                while (rows.next()) {
                    indexes.add(rows.getString("INDEX_NAME"));
                }
            }
        }

        // Then a stakeholder's actions are found by an index, not by reading every action
        assertThat(indexes).anyMatch(ActionHistoryIndexes.ASSIGNEE_INDEX::equalsIgnoreCase);
    }
}
