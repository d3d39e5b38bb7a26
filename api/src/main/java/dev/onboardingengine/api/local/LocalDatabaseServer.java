package dev.onboardingengine.api.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;

import org.h2.engine.SysProperties;
import org.h2.tools.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * How the jar's commands ({@code create-token}, {@code unlock-admin}, ...) reach the embedded H2
 * file while the engine holds it. H2's AUTO_SERVER would open a TCP server on every interface, its
 * key in a lock file anyone could read; instead the engine runs H2's TCP server on 127.0.0.1 only, on
 * a free port, serving only this database and only under a random 256-bit name, and writes that
 * address to {@code <database>.tcp-server}, owner-only, in the owner-only data directory. A command
 * that finds the file and reaches the server works through it; otherwise (no engine, or one killed
 * before it could remove the file) it opens the file itself.
 *
 * <p>The server binds where {@code h2.bindAddress} says, a JVM-wide H2 setting read once; the jar's
 * main sets it to 127.0.0.1 before H2 loads ({@link #bindToLoopback()}). Where it is not a loopback
 * address (an application started some other way) the server is not started.
 */
@NamedInterface("boot")
@Component
public class LocalDatabaseServer implements SmartLifecycle {

    static final String SUFFIX = ".tcp-server";
    private static final Logger log = LoggerFactory.getLogger(LocalDatabaseServer.class);

    private final Optional<Path> database;
    private final boolean enabled;
    private Server server;
    private Path addressFile;

    LocalDatabaseServer(@Value("${spring.datasource.url:}") String url,
            @Value("${onboarding.h2.command-server:true}") boolean enabled, DataSource dataSource) {
        // The DataSource parameter orders this after the pool, which opened the database in this JVM.
        this.database = H2FileUrl.databasePath(url);
        this.enabled = enabled;
    }

    /** Called by the jar's main before anything loads H2. */
    public static void bindToLoopback() {
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    @Override
    public synchronized void start() {
        if (!enabled || database.isEmpty() || !bindsToLoopback()) {
            return;
        }
        String key = HexFormat.of().formatHex(randomBytes(32));
        try {
            server = Server.createTcpServer("-tcpPort", "0", "-tcpDaemon", "-ifExists",
                    "-key", key, database.get().toString()).start();
            addressFile = Path.of(database.get() + SUFFIX);
            writeOwnerOnly(addressFile, "url=jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/" + key + "\n");
            log.info("Commands of the jar reach the database through 127.0.0.1:{} (address in {})", server.getPort(),
                    addressFile);
        } catch (SQLException e) {
            log.warn("No database server for the jar's commands (they work while the engine is stopped): {}",
                    e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
            try {
                Files.deleteIfExists(addressFile);
            } catch (IOException e) {
                log.warn("Could not remove {}: {}", addressFile, e.getMessage());
            }
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }

    private static boolean bindsToLoopback() {
        String bindAddress = SysProperties.BIND_ADDRESS;
        try {
            if (bindAddress != null && InetAddress.getByName(bindAddress).isLoopbackAddress()) {
                return true;
            }
        } catch (UnknownHostException e) {
            // not a loopback address either
        }
        log.info("No database server for the jar's commands: h2.bindAddress is {}, not a loopback address",
                bindAddress);
        return false;
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static void writeOwnerOnly(Path file, String content) {
        try {
            Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, content);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /**
     * For a command run beside the engine: when the configured database is an H2 file whose engine
     * serves it (its address file exists and the server answers), the command's datasource URL
     * becomes the server's. Otherwise nothing changes and the command opens the file itself.
     */
    public static void useRunningEngine(ConfigurableEnvironment environment) {
        Optional<Path> database = H2FileUrl.databasePath(environment.getProperty("spring.datasource.url"));
        Path file = database.map(path -> Path.of(path + SUFFIX)).filter(Files::isRegularFile).orElse(null);
        if (file == null) {
            return;
        }
        Properties address = new Properties();
        try (var reader = Files.newBufferedReader(file)) {
            address.load(reader);
        } catch (IOException e) {
            return;
        }
        String url = address.getProperty("url");
        try (Connection probe = DriverManager.getConnection(url,
                environment.getProperty("spring.datasource.username", "sa"),
                environment.getProperty("spring.datasource.password", ""))) {
            environment.getPropertySources().addFirst(new MapPropertySource("runningEngineDatabase",
                    Map.of("spring.datasource.url", url)));
        } catch (SQLException engineGone) {
            // Left behind by an engine that was killed: the file is free to open.
            log.debug("{} names no running server ({}); opening the database file", file, engineGone.getMessage());
        }
    }
}
