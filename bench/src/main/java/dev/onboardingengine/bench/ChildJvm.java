package dev.onboardingengine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The engine jar as a child process of the harness ({@code java <flags> -jar onboarding-engine.jar
 * <args>}), its output in a log file, with bounded waits that say how they are doing and fail at once
 * when the child exits. The fault suite's {@code ClusterRig} starts its children the same way; the
 * bench cannot depend on api's test classes, hence this copy of the few lines that matter.
 */
final class ChildJvm {

    /**
     * The fault suite's broker flags: a small heap and serial GC, and C1 only, so that the broker's JIT
     * does not compete with the engines for two shared cores while its KRaft controller starts (with
     * the JVM's defaults it timed out waiting for its quorum at load 20–40, 2026-12-02).
     */
    static final List<String> BROKER_FLAGS = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final String name;
    private final Process process;
    private final Path log;

    private ChildJvm(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ChildJvm start(String name, Path jar, List<String> flags, Path log, Map<String, String> environment,
            List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        ChildJvm child = new ChildJvm(name, builder.start(), log);
        Progress.say("  %s: pid %d, java %s -jar %s %s; log %s", name, child.process.pid(), String.join(" ", flags),
                jar.getFileName(), String.join(" ", args), log);
        return child;
    }

    /** Until its log holds {@code line}; false (and says why) if it exits first or {@code timeout} passes. */
    boolean awaitLogLine(String line, Duration timeout) {
        return await("'" + line + "' in its log", () -> {
            try {
                return Files.readString(log).contains(line);
            } catch (IOException notYet) {
                return false;
            }
        }, timeout);
    }

    /**
     * Until {@code condition} holds, saying every 10 s how long it has waited; false, with the last line
     * of the child's log, if the child exits first or {@code timeout} passes.
     */
    boolean await(String what, BooleanSupplier condition, Duration timeout) {
        long started = System.nanoTime();
        long end = started + timeout.toNanos();
        long nextReport = started + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                Progress.say("  %s: %s after %.1f s", name, what, (System.nanoTime() - started) / 1e9);
                return true;
            }
            if (!process.isAlive()) {
                Progress.say("  %s: exited (%d) before %s; last log line: %s", name, process.exitValue(), what,
                        lastLogLine());
                return false;
            }
            if (System.nanoTime() > nextReport) {
                Progress.say("  %s: waiting for %s, %d s so far (load %s)", name, what,
                        (System.nanoTime() - started) / 1_000_000_000, LoadAverage.now());
                nextReport = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            }
            Deadline.sleep(Duration.ofMillis(250));
        }
        Progress.say("  %s: no %s within %s; last log line: %s", name, what, timeout, lastLogLine());
        return false;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** SIGTERM (the engine's graceful shutdown), then SIGKILL after 30 s. */
    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String lastLogLine() {
        try {
            List<String> lines = Files.readAllLines(log);
            return lines.isEmpty() ? "(empty)" : lines.get(lines.size() - 1);
        } catch (IOException | RuntimeException unreadable) {
            return "(unreadable: " + unreadable.getMessage() + ")";
        }
    }
}
