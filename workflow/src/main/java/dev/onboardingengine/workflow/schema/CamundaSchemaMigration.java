package dev.onboardingengine.workflow.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Locale;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 2026.12.03.10: Camunda's tables, from the create scripts in the camunda-engine jar,
 * instead of the engine creating them at start ({@code schema-update: false}). Two nodes starting at
 * once on an empty database both tried to create them and one start failed; Flyway's lock lets one
 * node migrate while the other waits, and the engine only checks the schema version. An installation
 * whose engine already created the tables (before this migration) keeps them: nothing is run. Public for
 * the tests that run every migration with Flyway alone (H2MigrationsTests), as the embedded default does.
 *
 * <p>Upgrading Camunda means adding its upgrade scripts
 * ({@code org/camunda/bpm/engine/db/upgrade/<db>_engine_<from>_to_<to>.sql}) as later migrations.
 */
@Component
public class CamundaSchemaMigration implements JavaMigration {

    /** In the order Camunda's own schema creation runs them (DbSqlSession.dbSchemaCreate). */
    private static final List<String> COMPONENTS = List.of("engine", "history", "identity", "case.engine",
            "decision.engine", "case.history", "decision.history");

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2026.12.03.10");
    }

    @Override
    public String getDescription() {
        return "camunda schema";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (camundaTablesPresent(connection)) {
            return;
        }
        String database = camundaDatabaseType(connection.getMetaData().getDatabaseProductName());
        for (String component : COMPONENTS) {
            ScriptUtils.executeSqlScript(connection, new ClassPathResource(
                    "org/camunda/bpm/engine/db/create/activiti." + database + ".create." + component + ".sql"));
        }
    }

    private static boolean camundaTablesPresent(Connection connection) throws Exception {
        for (String name : List.of("ACT_GE_PROPERTY", "act_ge_property")) {
            try (ResultSet tables = connection.getMetaData().getTables(null, null, name, new String[]{"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    static String camundaDatabaseType(String productName) {
        String product = productName.toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return "postgres";
        }
        if (product.contains("h2")) {
            return "h2";
        }
        throw new IllegalStateException("Camunda's schema is created for PostgreSQL and H2 only, not " + productName);
    }
}
