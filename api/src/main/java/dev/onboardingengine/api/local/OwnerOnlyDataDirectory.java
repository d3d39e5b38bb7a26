package dev.onboardingengine.api.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.modulith.NamedInterface;

/**
 * The embedded default keeps people's data under {@code onboarding.data-dir} (the H2 file, the
 * in-process broker's log, the CLI server's address file). Before anything writes there, the
 * directory is made owner-only (0700, created so), and whatever an older version left in it is made
 * owner-only too (directories 0700, files without group and other bits). Files written later keep
 * the process's umask, but nobody else can reach them through a 0700 directory. An H2 file database
 * outside the data directory gets its own files tightened the same way. Nothing is done on file
 * systems without POSIX permissions, nor when neither H2 files nor the embedded broker are used.
 */
@NamedInterface("boot")
public class OwnerOnlyDataDirectory implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
    private static final Logger log = LoggerFactory.getLogger(OwnerOnlyDataDirectory.class);

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        ConfigurableEnvironment environment = event.getEnvironment();
        Optional<Path> h2File = H2FileUrl.databasePath(environment.getProperty("spring.datasource.url"));
        if (h2File.isEmpty() && !EmbeddedKafka.willStart(environment)) {
            return;
        }
        Path dataDirectory = Path.of(environment.getProperty("onboarding.data-dir", "./data")).toAbsolutePath()
                .normalize();
        secure(dataDirectory);
        h2File.filter(file -> !file.startsWith(dataDirectory)).ifPresent(OwnerOnlyDataDirectory::secureDatabaseFiles);
    }

    /** Creates {@code directory} as 0700, or makes it and everything in it owner-only. */
    static void secure(Path directory) {
        try {
            if (Files.notExists(directory)) {
                Files.createDirectories(directory.getParent());
                Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
                log.info("Data directory {} created, owner-only", directory);
                return;
            }
            try (Stream<Path> paths = Files.walk(directory)) {
                paths.forEach(OwnerOnlyDataDirectory::ownerOnly);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the data directory " + directory + " owner-only", e);
        }
    }

    private static void secureDatabaseFiles(Path database) {
        String prefix = database.getFileName() + ".";
        try (Stream<Path> siblings = Files.list(database.getParent())) {
            siblings.filter(path -> path.getFileName().toString().startsWith(prefix))
                    .forEach(OwnerOnlyDataDirectory::ownerOnly);
        } catch (IOException e) {
            // No directory yet: H2 creates it, and the files in it, on first connection.
            log.debug("No H2 files to tighten next to {}: {}", database, e.getMessage());
        }
    }

    private static void ownerOnly(Path path) {
        try {
            if (Files.isSymbolicLink(path)) {
                return;
            }
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
            if (Files.isDirectory(path)) {
                permissions = OWNER_ONLY_DIRECTORY;
            } else {
                permissions = EnumSet.copyOf(permissions);
                permissions.removeAll(OTHERS);
            }
            Files.setPosixFilePermissions(path, permissions);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make " + path + " owner-only", e);
        }
    }
}
