package dev.onboardingengine.api.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default's key file: read if it exists, otherwise created once with a fresh random key,
 * readable and writable by its owner only (and its directory, when this creates it, owner-only too).
 */
final class SecretsKeyFile {

    static final int KEY_BYTES = 32;

    private static final Logger log = LoggerFactory.getLogger(SecretsKeyFile.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretsKeyFile() {
    }

    static String readOrCreate(Path file, boolean create) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            if (!create) {
                throw new IllegalStateException("The secrets key file " + file.toAbsolutePath()
                        + " does not exist: set ONBOARDING_SECRETS_KEY, or point ONBOARDING_SECRETS_KEY_FILE at the key");
            }
            return create(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secrets key file " + file.toAbsolutePath(), e);
        }
    }

    private static String create(Path file) throws IOException {
        byte[] bytes = new byte[KEY_BYTES];
        RANDOM.nextBytes(bytes);
        String key = Base64.getEncoder().encodeToString(bytes);
        Path directory = file.toAbsolutePath().getParent();
        boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(directory)) {
            if (posix) {
                Files.createDirectories(directory, ownerOnly("rwx------"));
            } else {
                Files.createDirectories(directory);
            }
        }
        // Written under another name and moved, so a crash never leaves a half-written key behind.
        Path partial = directory.resolve(file.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        if (posix) {
            Files.createFile(partial, ownerOnly("rw-------"));
        } else {
            Files.createFile(partial);
        }
        Files.writeString(partial, key + "\n", StandardCharsets.US_ASCII);
        try {
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException raced) {
            Files.deleteIfExists(partial);
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        }
        log.warn("Generated the key that encrypts webhook secrets at rest in {} (owner-only). Back it up with the "
                + "database: without it the stored secrets cannot be read.", file.toAbsolutePath());
        return key;
    }

    private static FileAttribute<Set<PosixFilePermission>> ownerOnly(String permissions) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
    }
}
