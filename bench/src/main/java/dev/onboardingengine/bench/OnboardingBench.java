package dev.onboardingengine.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark harness: {@code java -jar bench/target/onboarding-bench.jar --database=h2|postgres
 * --hires=300}. Runs the engine in this JVM, measures the scenarios of issue 11 beside their floors,
 * and writes {@code bench/results/results-<date>.md} and {@code .csv}. See bench/README.md.
 */
public final class OnboardingBench {

    private OnboardingBench() {
    }

    public static void main(String[] args) throws Exception {
        Path root = repositoryRoot();
        BenchOptions options;
        try {
            options = BenchOptions.parse(args, root);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(
                    "usage: java -jar bench/target/onboarding-bench.jar [--database=h2|postgres] [--hires=300] [--rounds=3] "
                            + "[--journeys=20000] [--footprint-hires=200] [--clients=4] [--api-requests=300] [--footprint=false] "
                            + "[--profile=false] [--cluster] [--h2-settings=WRITE_DELAY=0] [--full] "
                            + "[--scenarios=intake,timers,api,footprint,cluster] [--count-statements=false] [--without-duedate-index]");
            System.exit(2);
            return;
        }
        int status = run(options, root);
        System.exit(status);
    }

    static int run(BenchOptions options, Path root) throws IOException {
        long began = System.nanoTime();
        Results results = new Results();
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        results.header("date",
                now.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.UTC)).substring(0, 19) + "Z");
        results.header("commit", git(root, "rev-parse", "HEAD")
                + (git(root, "status", "--porcelain").isBlank() ? "" : " (with uncommitted changes)"));
        results.header("machine",
                Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                        + System.getProperty("os.arch") + ", Java " + System.getProperty("java.version") + ", max heap "
                        + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
        results.header("command", "java -jar bench/target/onboarding-bench.jar --database=" + options.database()
                + " --hires="
                + options.hires() + " --rounds=" + options.rounds() + " --journeys=" + options.seededJourneys()
                + " --footprint-hires=" + options.footprintHires()
                + " --clients=" + options.clients() + " --scenarios="
                + String.join(",", BenchOptions.SCENARIOS.stream().filter(options::runs).toList())
                + (options.database().equals("h2") ? " --h2-settings=" + options.h2Settings() : "")
                + (options.withoutDueDateIndex() ? " --without-duedate-index" : "")
                + options.engineArgs().stream().map(arg -> " --engine." + arg.substring(2)).reduce("", String::concat));
        results.header("load average at start (1, 5, 15 min)", LoadAverage.now());
        Progress.say("Onboarding engine benchmark on %s, %d cores, load %s", options.database(),
                Runtime.getRuntime().availableProcessors(), LoadAverage.now());

        if (options.needsEngineInProcess()) {
            runInProcess(options, results);
        }
        if (options.runs("footprint")) {
            new FootprintScenario(options, results).run();
        }
        if (options.runs("cluster")) {
            new ClusterScenario(options, results).run();
        }
        results.header("duration", String.format("%.0f s", (System.nanoTime() - began) / 1e9));
        results.header("load average at end (1, 5, 15 min)", LoadAverage.now());
        // a cluster-only run must not overwrite the same day's full run
        boolean clusterAlone = options.runs("cluster")
                && BenchOptions.SCENARIOS.stream().filter(options::runs).count() == 1;
        String stem = "results-" + LocalDate.now(ZoneOffset.UTC) + "-" + options.database()
                + (clusterAlone ? "-cluster" : "");
        Path[] written = results.write(options.resultsDir(), stem);
        Progress.say("Done in %.0f s. Wrote %s and %s", (System.nanoTime() - began) / 1e9, written[0], written[1]);
        System.out.println();
        System.out.println(results.table());
        return 0;
    }

    private static void runInProcess(BenchOptions options, Results results) throws IOException {
        long starting = System.nanoTime();
        try (EngineUnderTest engine = EngineUnderTest.start(options)) {
            double startup = (System.nanoTime() - starting) / 1e9;
            results.header("database", engine.databaseDescription());
            results.header("history level", engine.historyLevel());
            results.header("job executor",
                    "core " + engine.property("camunda.bpm.job-execution.core-pool-size") + ", max "
                            + engine.property("camunda.bpm.job-execution.max-pool-size")
                            + " threads (the engine's defaults)");
            Progress.say("Engine up in %.1f s at %s, Kafka at %s, history %s", startup, engine.baseUrl(),
                    engine.bootstrapServers(), engine.historyLevel());
            if (options.withoutDueDateIndex()) {
                engine.dropDueDateIndex();
                results.header("experiment", "without the ACT_RU_JOB (DUEDATE_) index (--without-duedate-index)");
            }
            if (options.runs("intake")) {
                HotMethods profile = new HotMethods(Files.createTempFile("onboarding-bench-", ".jfr"));
                if (options.profile()) {
                    profile.start();
                }
                IntakeScenario intake = new IntakeScenario(engine, options, results);
                intake.run();
                if (options.database().equals("h2")) {
                    results.add(IntakeScenario.SCENARIO, "H2 file size after the intake (engine and bare Camunda)",
                            engine.h2FileMegabytes(), "MB", "settings " + options.h2Settings());
                }
                if (options.profile()) {
                    profile.stopAndReport(results, 10);
                }
                if (options.runs("timers")) {
                    new TimerWaveScenario(engine, results, intake.bareDefinitionId()).run();
                }
            }
            if (options.runs("api")) {
                new ApiLatencyScenario(engine, options, results).run();
            }
            results.add("4 footprint", "in-process start-up (engine + broker, this JVM)", startup, "s", "");
        }
    }

    static Path repositoryRoot() {
        String top = git(Path.of("."), "rev-parse", "--show-toplevel");
        return top.isBlank() || top.equals("unknown") ? Path.of(".").toAbsolutePath().normalize() : Path.of(top);
    }

    static String git(Path directory, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return "unknown";
            }
            return out;
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
