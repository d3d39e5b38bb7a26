package dev.onboardingengine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The statement counter on a real (in-memory H2) DataSource: what it counts, and what it leaves out. */
class StatementCounterTests {

    @Test
    void givenTheProxiedDataSource_whenStatementsRun_thenEachCountsByTypeAndThreadKind() throws Exception {
        StatementCounter counter = new StatementCounter();
        DataSource proxied = (DataSource) counter.postProcessAfterInitialization(h2("counted"), "dataSource");
        StatementCounter.Snapshot before = counter.snapshot();

        try (Connection connection = proxied.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table t (id int)");
            statement.executeUpdate("insert into t values (1)");
            statement.executeUpdate("insert into t values (2)");
            statement.executeQuery("select count(*) from t").close();
        }
        StatementCounter.Snapshot counted = counter.snapshot().minus(before);

        assertThat(counted.total()).isEqualTo(4);
        assertThat(counted.byType()).containsEntry("insert", 2L).containsEntry("select", 1L).containsEntry("other", 1L);
        assertThat(counted.byThread()).containsOnlyKeys(StatementCounter.threadKind(Thread.currentThread().getName()));
        assertThat(counted.perHire(counted.byType(), 2)).isEqualTo("insert 1.0, other 0.5, select 0.5");
    }

    @Test
    void givenAnExcludedThreadOrTheOriginalPool_whenStatementsRun_thenNothingCounts() throws Exception {
        StatementCounter counter = new StatementCounter();
        DataSource proxied = (DataSource) counter.postProcessAfterInitialization(h2("excluded"), "dataSource");
        counter.exclude(Thread.currentThread());

        try (Connection connection = proxied.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeQuery("select 1").close();
        }
        counter.exclude(new Thread());
        try (Connection connection = counter.original().getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeQuery("select 1").close();
        }

        assertThat(counter.snapshot().total()).isZero();
    }

    @Test
    void threadsOfOneKindShareAKey() {
        assertThat(StatementCounter.threadKind("http-nio-8080-exec-3"))
                .isEqualTo(StatementCounter.threadKind("http-nio-8080-exec-17"));
    }

    private static DataSource h2(String name) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }
}
