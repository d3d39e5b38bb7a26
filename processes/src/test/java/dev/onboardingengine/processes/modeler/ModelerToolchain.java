package dev.onboardingengine.processes.modeler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Camunda Modeler's own JavaScript libraries for the tests, from {@code processes/modeler-test}: the
 * versions pinned there (package.json and package-lock.json) installed with {@code npm ci} whenever
 * node_modules is missing or was installed from another lock file, and bundled for Chromium with esbuild
 * into {@code processes/target/modeler-test}. Without Node.js and npm the tests fail, never skip.
 */
public final class ModelerToolchain {

    private static final Duration NPM_CI_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(2);
    private static final String STAMP = ".installed-from-lock";

    private static ModelerToolchain prepared;

    private final Path project;
    private final Path bundles;

    private ModelerToolchain(Path project) {
        this.project = project;
        this.bundles = project.getParent().resolve("target").resolve("modeler-test");
    }

    /** The toolchain, installed and bundled (once per JVM). */
    public static synchronized ModelerToolchain prepared() {
        if (prepared == null) {
            ModelerToolchain toolchain = new ModelerToolchain(locateProject());
            toolchain.requireTool("node");
            toolchain.requireTool("npm");
            toolchain.installWhenStale();
            toolchain.run(BUILD_TIMEOUT, "node", "build.mjs", toolchain.bundles.toString());
            prepared = toolchain;
        }
        return prepared;
    }

    /** {@code processes/modeler-test}: package.json, the lock file, the scripts. */
    public Path project() {
        return project;
    }

    /** The browser bundles (modeler.js/.css, form-viewer.js/.css). */
    public Path bundle(String fileName) {
        return bundles.resolve(fileName);
    }

    /** The repository's root directory. */
    public Path repository() {
        return project.getParent().getParent();
    }

    /** Runs a Node.js script of the project with arguments; answers its standard output, fails on a non-zero exit. */
    public String node(Duration timeout, String script, String... arguments) {
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(arguments));
        return run(timeout, command.toArray(String[]::new));
    }

    private void installWhenStale() {
        String lock = fingerprint();
        Path stamp = project.resolve("node_modules").resolve(STAMP);
        try {
            if (Files.isRegularFile(stamp) && Files.readString(stamp).equals(lock)) {
                return;
            }
            // --ignore-scripts: nothing of the packages runs at install (esbuild's binary comes as a package).
            run(NPM_CI_TIMEOUT, "npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund");
            Files.writeString(stamp, lock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String fingerprint() {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(Files.readAllBytes(project.resolve("package.json")));
            sha256.update(Files.readAllBytes(project.resolve("package-lock.json")));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void requireTool(String tool) {
        try {
            run(Duration.ofSeconds(30), tool, "--version");
        } catch (RuntimeException missing) {
            throw new AssertionError(tool + " is needed to run Camunda Modeler's libraries in the tests and was not"
                    + " found or did not run (" + missing.getMessage()
                    + "). Install Node.js and npm: `.ci/run` installs"
                    + " Debian's (apt-get install -y nodejs npm) when they are missing.", missing);
        }
    }

    private String run(Duration timeout, String... command) {
        try {
            Files.createDirectories(bundles);
            Path output = Files.createTempFile(bundles, "out-", ".txt");
            Path errors = Files.createTempFile(bundles, "err-", ".txt");
            try {
                Process process = new ProcessBuilder(command).directory(project.toFile())
                        .redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
                if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout);
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue()
                            + ":\n" + Files.readString(errors, StandardCharsets.UTF_8) + Files.readString(output));
                }
                return Files.readString(output, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(output);
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** processes/modeler-test, from the module a test runs in (processes, workflow, api) or the repository root. */
    private static Path locateProject() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("processes").resolve("modeler-test");
            if (Files.isRegularFile(candidate.resolve("package.json"))) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "processes/modeler-test/package.json not found above " + Path.of("").toAbsolutePath());
    }
}
