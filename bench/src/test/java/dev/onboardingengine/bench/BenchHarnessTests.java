package dev.onboardingengine.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness's own smoke test: options, percentiles and the results files, without starting an engine. */
class BenchHarnessTests {

    @Test
    void parsesTheDocumentedCommandLine() {
        BenchOptions options = BenchOptions.parse(new String[]{"--database=postgres", "--hires=300", "--journeys=100k"},
                Path.of("/repo"));

        assertThat(options.database()).isEqualTo("postgres");
        assertThat(options.hires()).isEqualTo(300);
        assertThat(options.rounds()).isEqualTo(3);
        assertThat(options.seededJourneys()).isEqualTo(100_000);
        assertThat(options.engineJar()).isEqualTo(Path.of("/repo/api/target/onboarding-engine.jar"));
        assertThat(options.resultsDir()).isEqualTo(Path.of("/repo/bench/results"));
    }

    @Test
    void fullSizeIsTheIssuesScale() {
        BenchOptions options = BenchOptions.parse(new String[]{"--full"}, Path.of("."));

        assertThat(options.hires()).isEqualTo(5_000);
        assertThat(options.seededJourneys()).isEqualTo(100_000);
        assertThat(options.footprintHires()).isEqualTo(100_000);
    }

    @Test
    void rejectsUnknownOptionsAndDatabases() {
        assertThatThrownBy(() -> BenchOptions.parse(new String[]{"--hire=3"}, Path.of(".")))
                .hasMessageContaining("Unknown option --hire");
        assertThatThrownBy(() -> BenchOptions.parse(new String[]{"--database=mysql"}, Path.of(".")))
                .hasMessageContaining("h2 or postgres");
    }

    @Test
    void givenNoScenariosOption_whenParsed_thenAllButTheClusterRun() {
        BenchOptions options = BenchOptions.parse(new String[]{}, Path.of("."));

        assertThat(BenchOptions.SCENARIOS.stream().filter(options::runs)).containsExactly("intake", "timers", "api",
                "footprint");
        assertThat(BenchOptions.parse(new String[]{"--footprint=false", "--cluster"}, Path.of("."))
                .runs("footprint")).isFalse();
        assertThat(BenchOptions.parse(new String[]{"--cluster"}, Path.of(".")).runs("cluster")).isTrue();
    }

    @Test
    void givenScenariosNamed_whenParsed_thenOnlyThoseRunAndTimersBringTheIntake() {
        BenchOptions api = BenchOptions.parse(new String[]{"--scenarios=api"}, Path.of("."));
        BenchOptions timers = BenchOptions.parse(new String[]{"--scenarios=timers"}, Path.of("."));
        BenchOptions footprint = BenchOptions.parse(new String[]{"--scenarios=footprint"}, Path.of("."));

        assertThat(BenchOptions.SCENARIOS.stream().filter(api::runs)).containsExactly("api");
        assertThat(BenchOptions.SCENARIOS.stream().filter(timers::runs)).containsExactly("intake", "timers");
        assertThat(footprint.needsEngineInProcess()).isFalse();
        assertThat(api.needsEngineInProcess()).isTrue();
        assertThatThrownBy(() -> BenchOptions.parse(new String[]{"--scenarios=intake,latency"}, Path.of(".")))
                .hasMessageContaining("not 'latency'");
    }

    @Test
    void theFootprintsFlagsAreReadmesLaunchCommandAndTheDockerfilesEntrypoint() throws Exception {
        Path root = OnboardingBench.repositoryRoot();
        String flags = String.join(" ", FootprintScenario.JVM_FLAGS);
        String entrypoint = FootprintScenario.JVM_FLAGS.stream().map(flag -> "\"" + flag + "\"")
                .reduce("\"java\"", (line, flag) -> line + ", " + flag) + ", \"-jar\"";

        assertThat(Files.readString(root.resolve("README.md")))
                .contains("java " + flags + " -jar api/target/onboarding-engine.jar");
        assertThat(Files.readString(root.resolve("Dockerfile"))).contains("ENTRYPOINT [" + entrypoint);
    }

    @Test
    void percentilesAreNearestRank() {
        Samples samples = new Samples();
        for (int i = 1; i <= 100; i++) {
            samples.add(i);
        }

        assertThat(samples.p50()).isEqualTo(50);
        assertThat(samples.p95()).isEqualTo(95);
        assertThat(samples.p99()).isEqualTo(99);
        assertThat(new Samples().p50()).isEqualTo(-1);
    }

    @Test
    void writesMarkdownAndCsvWithMachineAndCommit(@TempDir Path directory) throws Exception {
        Results results = new Results();
        results.header("commit", "abc123");
        results.header("machine", "2 cores");
        results.add("1 hire intake", "ratio engine / bare", 0.5, "x", "MISSES target >= 0.7");
        results.note("Notes", "- a note");

        Path[] written = results.write(directory, "results-test");

        assertThat(Files.readString(written[0])).contains("**commit**: abc123", "**machine**: 2 cores",
                "| 1 hire intake | ratio engine / bare | 0.50 | x | MISSES target >= 0.7 |", "## Notes");
        assertThat(Files.readString(written[1])).contains("# commit: abc123",
                "\"1 hire intake\",\"ratio engine / bare\",\"0.50\",\"x\",\"MISSES target >= 0.7\"");
    }

    @Test
    void everyHotMethodGetsAnAdvice() {
        assertThat(HotMethods.advice("org.h2.mvstore.Page.isLeaf")).startsWith("H2");
        assertThat(HotMethods.advice("dev.onboardingengine.workflow.journey.JourneyLauncher.launch"))
                .startsWith("our own code");
        assertThat(HotMethods.advice("com.example.Unknown.method")).isNotBlank();
    }

    @Test
    void samplesAreAttributedToTheFirstActivityOfTheirStack() {
        assertThat(HotMethods.activityOf(java.util.List.of("org.h2.mvstore.Page.binarySearch",
                "dev.onboardingengine.workflow.journey.JourneyLauncher.launch",
                "org.springframework.kafka.listener.KafkaMessageListenerContainer$ListenerConsumer.run")))
                .isEqualTo("journey launch (NewHireListener, JourneyLauncher)");
        assertThat(HotMethods.activityOf(java.util.List.of("java.lang.Object.wait"))).isEqualTo("other");
    }

    @Test
    void storedJourneysAreNamedInThousands() {
        assertThat(ApiLatencyScenario.size(1_000)).isEqualTo("1k");
        assertThat(ApiLatencyScenario.size(1_620)).isEqualTo("1.6k");
        assertThat(ApiLatencyScenario.size(100_001)).isEqualTo("100k");
        assertThat(ApiLatencyScenario.size(620)).isEqualTo("620");
    }
}
