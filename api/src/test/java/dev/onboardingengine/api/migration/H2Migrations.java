package dev.onboardingengine.api.migration;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;

import dev.onboardingengine.workflow.schema.CamundaSchemaMigration;

/**
 * Flyway over every migration the embedded default runs on H2, for tests that migrate without the
 * application: both SQL folders and the Java migrations, Camunda's schema (a bean in the application)
 * always among them, since later SQL migrations use its tables.
 */
public final class H2Migrations {

    private H2Migrations() {
    }

    public static FluentConfiguration on(DataSource dataSource, JavaMigration... others) {
        JavaMigration[] migrations = new JavaMigration[others.length + 1];
        migrations[0] = new CamundaSchemaMigration();
        System.arraycopy(others, 0, migrations, 1, others.length);
        return Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").javaMigrations(migrations);
    }
}
