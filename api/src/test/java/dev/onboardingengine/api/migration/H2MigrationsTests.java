package dev.onboardingengine.api.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The integration tests run on PostgreSQL, but the embedded default runs on H2: every migration must
 * apply there too, and the directory's less common SQL (recursive tree walk, limit/offset) must run.
 */
class H2MigrationsTests {

    @Test
    void everyMigrationAppliesOnH2AndTheTreeWalkRuns() {
        // Given an empty H2 database, as the embedded default starts with
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:migrations-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");

        // When every migration runs (Camunda's tables are a Java migration, a bean in the application)
        H2Migrations.on(dataSource).load().migrate();

        // Then the seeded levels, root unit and identification fields are there, and the tree walks
        JdbcClient jdbc = JdbcClient.create(dataSource);
        assertThat(jdbc.sql("select name from level_organization order by position").query(String.class).list())
                .containsExactly("Division", "Department", "Site");
        assertThat(jdbc.sql("select code from identification_resource order by id").query(String.class).list())
                .containsExactly("badge", "employee_number", "payroll_id");
        long root = jdbc.sql("select id from unit_organization where external_id = 'root'").query(Long.class).single();
        jdbc.sql("insert into unit_organization (name, level_organization_id, parent_id, created_at, updated_at) "
                + "values ('Child', 2, :root, current_timestamp, current_timestamp)").param("root", root).update();
        List<Long> tree = jdbc.sql("""
                with recursive tree (id) as (
                    select id from unit_organization where id in (:ids)
                    union
                    select u.id from unit_organization u join tree t on u.parent_id = t.id
                )
                select id from tree
                """).param("ids", List.of(root)).query(Long.class).list();
        assertThat(tree).hasSize(2);
        assertThat(jdbc.sql("select id from level_organization order by id limit :limit offset :offset")
                .param("limit", 1).param("offset", 1).query(Long.class).list()).containsExactly(2L);
    }

    @Test
    void freeTextColumnsTakeLongTextOnH2() {
        // Given every migration applied on H2
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:free-text-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        H2Migrations.on(dataSource).load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);

        // Then each free-text column holds far more than any former varchar did
        for (String column : FreeTextColumnsIntegrationTests.FREE_TEXT) {
            String[] parts = column.split("\\.");
            assertThat(jdbc.sql("select character_maximum_length from information_schema.columns "
                    + "where table_name = :table and column_name = :column")
                    .param("table", parts[0].toUpperCase()).param("column", parts[1].toUpperCase())
                    .query(Long.class).single()).as(column).isGreaterThanOrEqualTo(1_000_000L);
        }
        // And a long level name is stored and read back whole
        String name = "x".repeat(100_000);
        jdbc.sql("update level_organization set name = :name where position = 1").param("name", name).update();
        assertThat(jdbc.sql("select name from level_organization where position = 1").query(String.class).single())
                .isEqualTo(name);
    }
}
