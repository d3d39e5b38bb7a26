package dev.onboardingengine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Scenario 4: start-up time and resident memory of the embedded default, {@code java -jar
 * api/target/onboarding-engine.jar} as a child process with its own temp directory (its data
 * directory: the embedded default's H2 file and broker log), free ports, idle and after K hires.
 */
final class FootprintScenario {

    static final String SCENARIO = "4 footprint";

    private final BenchOptions options;
    private final Results results;

    FootprintScenario(BenchOptions options, Results results) {
        this.options = options;
        this.results = results;
    }

    /**
     * The JVM flags of README's launch command and of the Dockerfile's ENTRYPOINT (BenchHarnessTests
     * holds all three to the same): a heap and GC sized for a small service instead of a quarter of
     * the machine's memory, smaller thread stacks.
     */
    static final List<String> JVM_FLAGS = List.of("-XX:+UseSerialGC", "-Xms64m", "-Xmx512m", "-Xss512k");

    void run() throws IOException {
        if (!Files.isRegularFile(options.engineJar())) {
            results.note("Notes", "- Footprint skipped: no " + options.engineJar()
                    + " (build it with ./mvnw -q -DskipTests package).");
            Progress.say("Scenario 4: skipped, %s is missing", options.engineJar());
            return;
        }
        // README's flags, then the JVM's defaults: side by side in one run, as the other scenarios' floors.
        run(JVM_FLAGS, "README's flags " + String.join(" ", JVM_FLAGS), "");
        run(List.of(), "default JVM flags", "default flags: ");
    }

    private void run(List<String> flags, String described, String prefix) throws IOException {
        Path directory = Files.createTempDirectory("onboarding-footprint-");
        int port = EngineUnderTest.freePort();
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(flags);
        command.add("-jar");
        command.add(options.engineJar().toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("engine.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("PORT", String.valueOf(port));
        env.put("ONBOARDING_EMBEDDED_KAFKA_PORT", String.valueOf(EngineUnderTest.freePort()));
        env.put("ONBOARDING_DATA_DIR", directory.resolve("data").toString());
        env.remove("DATABASE_URL"); // the embedded default's H2 file under ONBOARDING_DATA_DIR
        env.put("ONBOARDING_ADMIN_TOKEN", EngineUnderTest.TOKEN);
        env.remove("KAFKA_BOOTSTRAP_SERVERS");
        env.remove("SPRING_KAFKA_BOOTSTRAP_SERVERS");
        env.remove("SPRING_PROFILES_ACTIVE");
        Progress.say("Scenario 4: java %s-jar %s (embedded default, port %d)",
                flags.isEmpty() ? "" : String.join(" ", flags) + " ",
                options.engineJar().getFileName(), port);
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            Http http = new Http("http://127.0.0.1:" + port, EngineUnderTest.TOKEN);
            boolean up = Deadline.await(() -> {
                try {
                    return http.get("/actuator/health").statusCode() == 200;
                } catch (IllegalStateException notYet) {
                    return !process.isAlive();
                }
            }, Duration.ofSeconds(600), Duration.ofMillis(100)); // 180 s were too few at load 30 on 2 cores (2026-12-02)
            double startup = (System.nanoTime() - start) / 1e9;
            if (!up || !process.isAlive()) {
                results.note("Notes",
                        "- Footprint (" + described + "): the engine did not become healthy within 600 s.");
                return;
            }
            double cpu = cpuSeconds(process.pid());
            results.add(SCENARIO, prefix + "start-up until /actuator/health is UP", startup, "s",
                    "java -jar, " + described
                            + "; " + IntakeScenario.verdict(startup < 10, "target < 10 s"));
            results.add(SCENARIO, prefix + "CPU time until healthy (user + system)", cpu, "s",
                    "what start-up costs, less dependent than wall time on what else runs on the cores");
            Deadline.sleep(Duration.ofSeconds(5));
            long idle = rssMegabytes(process.pid());
            results.add(SCENARIO, prefix + "resident memory idle (VmRSS)", idle, "MB",
                    IntakeScenario.verdict(idle < 600, "target < 600 MB"));
            int k = options.footprintHires();
            Progress.say("Scenario 4: %d hires through REST", k);
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                var response = http.postJson("/api/users/", """
                        {"first_name":"Foot","last_name":"P%d","email":"foot-%d@example.com","start_day":"%s",\
                        "timezone":"UTC","role":0}""".formatted(i, i, IntakeScenario.ENGINE_START_DAY));
                if (response.statusCode() != 201) {
                    throw new IllegalStateException("POST /api/users/ answered " + response.statusCode());
                }
                String body = response.body();
                int at = body.indexOf("\"id\":");
                ids.add(Long.parseLong(body.substring(at + 5, body.indexOf(',', at)).trim()));
            }
            long last = ids.get(ids.size() - 1);
            Deadline.await(() -> http.get("/api/journeys/" + last).body().contains("invitation_sent"),
                    Duration.ofSeconds(120 + k / 2), Duration.ofMillis(250));
            Deadline.sleep(Duration.ofSeconds(3));
            results.add(SCENARIO, prefix + "resident memory after " + k + " hires (VmRSS)", rssMegabytes(process.pid()),
                    "MB", "");
        } finally {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            deleteQuietly(directory);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** utime + stime of the process, from /proc (clock ticks of 1/100 s on Linux); -1 elsewhere. */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static long rssMegabytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            Progress.say("could not delete %s", directory);
        }
    }
}
