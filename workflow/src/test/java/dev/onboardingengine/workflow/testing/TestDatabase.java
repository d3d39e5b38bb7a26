package dev.onboardingengine.workflow.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * The PostgreSQL every integration test runs on: a Testcontainers PostgreSQL where a Docker engine
 * runs, otherwise a fresh database on the local server (127.0.0.1:5432, trust auth), dropped when
 * the JVM ends. One per test JVM.
 */
public final class TestDatabase {

    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);

    private static TestDatabase instance;

    private final String url;
    private final String username;
    private final String password;

    private TestDatabase(String url, String username, String password) {
        this.url = url;
        this.username = username;
        this.password = password;
    }

    public static synchronized TestDatabase get() {
        if (instance == null) {
            instance = DockerAvailability.isAvailable() ? container() : localServer();
        }
        return instance;
    }

    @SuppressWarnings("resource")
    private static TestDatabase container() {
        PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>("postgres:16-alpine");
        postgres.start();
        log.info("Tests use PostgreSQL in a container at {}", postgres.getJdbcUrl());
        return new TestDatabase(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
    }

    private static TestDatabase localServer() {
        String host = System.getenv().getOrDefault("TEST_POSTGRES_HOST", "127.0.0.1");
        String port = System.getenv().getOrDefault("TEST_POSTGRES_PORT", "5432");
        String user = System.getenv().getOrDefault("TEST_POSTGRES_USER", "postgres");
        String admin = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        String name = "onboarding_test_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100_000;
        execute(admin, user, "", "create database " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                execute(admin, user, "", "drop database if exists " + name + " with (force)");
            } catch (IllegalStateException e) {
                log.warn("Could not drop test database {}: {}", name, e.getMessage());
            }
        }));
        log.info("No Docker engine here: tests use database {} on the local PostgreSQL at {}:{}", name, host, port);
        return new TestDatabase("jdbc:postgresql://" + host + ":" + port + "/" + name, user, "");
    }

    private static void execute(String url, String user, String password, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + url + " refused '" + sql + "': " + e.getMessage(), e);
        }
    }

    public String url() {
        return url;
    }

    /**
     * A new, empty database on the same server, for a test that must not share state with the
     * application contexts other tests keep cached (their outbox schedulers, their consumers).
     */
    public String freshDatabaseUrl(String purpose) {
        int slash = url.lastIndexOf('/');
        int query = url.indexOf('?', slash);
        String name = "onboarding_" + purpose + "_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100_000;
        String admin = url.substring(0, slash + 1) + "postgres" + (query < 0 ? "" : url.substring(query));
        execute(admin, username, password, "create database " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                execute(admin, username, password, "drop database if exists " + name + " with (force)");
            } catch (IllegalStateException e) {
                log.warn("Could not drop test database {}: {}", name, e.getMessage());
            }
        }));
        return url.substring(0, slash + 1) + name + (query < 0 ? "" : url.substring(query));
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }
}
