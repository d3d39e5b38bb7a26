package dev.onboardingengine.api.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The arguments of {@code kafka-broker}: the broker itself runs in ClusterFaultTests, as a process of its own. */
class KafkaBrokerCommandTests {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void portAndDataDirectoryComeFromTheArgumentsElseTheEnvironmentElseTheDefaults() {
        assertThat(parse(Map.of(), "kafka-broker"))
                .isEqualTo(new KafkaBrokerCommand.Settings(9092, Path.of("./data/kafka")));
        assertThat(parse(Map.of("ONBOARDING_EMBEDDED_KAFKA_PORT", "19092"), "kafka-broker").port()).isEqualTo(19092);
        assertThat(parse(Map.of("ONBOARDING_EMBEDDED_KAFKA_PORT", "19092"), "kafka-broker", "--port", "29092",
                "--data-dir", "/tmp/k")).isEqualTo(new KafkaBrokerCommand.Settings(29092, Path.of("/tmp/k")));
    }

    @Test
    void aPortThatIsNotOneOrAnUnknownOptionPrintsTheUsage() {
        assertThat(parse(Map.of(), "kafka-broker", "--port", "70000")).isNull();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--port must be a port number").contains("Usage:");
        assertThat(parse(Map.of(), "kafka-broker", "--bootstrap", "x")).isNull();
        assertThat(parse(Map.of(), "kafka-broker", "--port")).isNull();
    }

    private KafkaBrokerCommand.Settings parse(Map<String, String> environment, String... args) {
        return KafkaBrokerCommand.Settings.parse(args, environment, new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
