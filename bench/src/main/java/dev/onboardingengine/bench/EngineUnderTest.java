package dev.onboardingengine.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.onboardingengine.OnboardingEngineApplication;
import dev.onboardingengine.workflow.broker.LocalKafkaBroker;

/**
 * The engine in this JVM, as {@code java -jar} runs it, on a fresh database (an H2 file in a temp
 * directory, or a new PostgreSQL database dropped at the end) and an in-process broker on a free
 * port. Settings are passed as {@code --properties}, so they beat application.yml.
 */
final class EngineUnderTest implements AutoCloseable {

    static final String TOKEN = "bench-token-0123456789abcdef0123456789abcdef";

    private final Path directory;
    private final LocalKafkaBroker broker;
    private final ConfigurableApplicationContext context;
    private final int port;
    private final String databaseDescription;
    private final Runnable dropDatabase;
    private final StatementCounter statements;

    private EngineUnderTest(Path directory, LocalKafkaBroker broker, ConfigurableApplicationContext context, int port,
            String databaseDescription, Runnable dropDatabase, StatementCounter statements) {
        this.statements = statements;
        this.directory = directory;
        this.broker = broker;
        this.context = context;
        this.port = port;
        this.databaseDescription = databaseDescription;
        this.dropDatabase = dropDatabase;
    }

    static EngineUnderTest start(BenchOptions options) throws IOException {
        Path directory = Files.createTempDirectory("onboarding-bench-");
        LocalKafkaBroker broker = LocalKafkaBroker.start(directory.resolve("kafka"), freePort());
        int port = freePort();
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "--onboarding.kafka.embedded.enabled=false",
                "--onboarding.admin.token=" + TOKEN,
                "--onboarding.admin.password=bench",
                // The harness measures the engine, not the products' documented rates (Workelo 1,000 an hour per token).
                "--onboarding.api.rate-limits.enabled=false",
                // A fresh key for secrets at rest per run: required on the postgres profile, and no key file in ./data.
                "--onboarding.secrets.key=" + randomKey(),
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--logging.level.org.camunda.bpm.engine.jobexecutor=ERROR"));
        String description;
        Runnable drop = () -> {
        };
        if (options.database().equals("postgres")) {
            String server = "jdbc:postgresql://" + options.postgresHost() + ":" + options.postgresPort() + "/";
            String name = "onboarding_bench_" + ProcessHandle.current().pid();
            execute(server + "postgres", options.postgresUser(), "drop database if exists " + name + " with (force)");
            execute(server + "postgres", options.postgresUser(), "create database " + name);
            drop = () -> execute(server + "postgres", options.postgresUser(),
                    "drop database if exists " + name + " with (force)");
            args.add("--spring.profiles.active=postgres");
            args.add("--spring.datasource.url=" + server + name);
            args.add("--spring.datasource.username=" + options.postgresUser());
            args.add("--spring.datasource.password=");
            description = "PostgreSQL " + server + name + " (fresh)";
        } else {
            String settings = options.h2Settings().isBlank() ? "" : ";" + options.h2Settings();
            String url = "jdbc:h2:file:" + directory.resolve("onboarding").toAbsolutePath() + settings;
            args.add("--spring.datasource.url=" + url);
            description = "H2 file in " + directory + " (fresh), settings '" + options.h2Settings() + "'"
                    + (options.h2Settings().equals(BenchOptions.EMBEDDED_DEFAULT_H2_SETTINGS)
                            ? " (the embedded default's)"
                            : "");
        }
        args.addAll(options.engineArgs());
        SpringApplication application = new SpringApplication(OnboardingEngineApplication.class);
        StatementCounter statements = options.countStatements() ? new StatementCounter() : null;
        if (statements != null) {
            statements.exclude(Thread.currentThread());
            application.addInitializers(context -> context.getBeanFactory().addBeanPostProcessor(statements));
        }
        ConfigurableApplicationContext context = application.run(args.toArray(String[]::new));
        return new EngineUnderTest(directory, broker, context, port, description, drop, statements);
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void execute(String url, String user, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + url + " refused '" + sql + "': " + e.getMessage(), e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** For the with-and-without measurement ({@code --without-duedate-index}): the engine without it. */
    void dropDueDateIndex() {
        jdbc().execute("drop index if exists ONB_IDX_RU_JOB_DUEDATE");
    }

    /** The harness's own queries: on the pool without the statement counter's proxy. */
    JdbcTemplate jdbc() {
        return new JdbcTemplate(statements == null ? context.getBean(DataSource.class) : statements.original());
    }

    /** The engine's SQL statements so far, or empty without {@code --count-statements}. */
    java.util.Optional<StatementCounter> statements() {
        return java.util.Optional.ofNullable(statements);
    }

    ProcessEngine processEngine() {
        return context.getBean(ProcessEngine.class);
    }

    ProcessEngineConfigurationImpl configuration() {
        return (ProcessEngineConfigurationImpl) processEngine().getProcessEngineConfiguration();
    }

    String historyLevel() {
        return configuration().getHistoryLevel().getName();
    }

    String databaseDescription() {
        return databaseDescription;
    }

    /** The H2 file's size now, in MB; -1 on PostgreSQL. */
    long h2FileMegabytes() {
        Path file = directory.resolve("onboarding.mv.db");
        try {
            return Files.exists(file) ? Files.size(file) / (1024 * 1024) : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    String property(String name) {
        return context.getEnvironment().getProperty(name);
    }

    @Override
    public void close() {
        context.close();
        broker.close();
        dropDatabase.run();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            Progress.say("could not delete %s: %s", directory, e.getMessage());
        }
    }
}
