package dev.onboardingengine.workflow.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kafka.tools.StorageTool;

/** Formats {@link LocalKafkaBroker}'s data directory the first time it is used. */
final class KafkaStorageFormat {

    private static final Logger log = LoggerFactory.getLogger(KafkaStorageFormat.class);

    private static final String META_PROPERTIES = "meta.properties";

    private KafkaStorageFormat() {
    }

    /**
     * Runs {@code kafka-storage.sh format} in-process, once. The cluster id is generated here and
     * persisted in {@code meta.properties}, which is what makes later starts reuse the data.
     * {@link StorageTool} is used rather than {@code org.apache.kafka.metadata.storage.Formatter}
     * because it is the tool's stable entry point and lives in {@code kafka_2.13} itself (the
     * Formatter's module is only a runtime dependency of it).
     */
    static void formatIfNeeded(Path directory, Map<String, Object> serverProperties) {
        if (Files.exists(directory.resolve(META_PROPERTIES))) {
            log.debug("Kafka data directory {} already formatted", directory);
            return;
        }
        String clusterId = Uuid.randomUuid().toString();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Path configFile = null;
        try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            configFile = Files.createTempFile("local-kafka-broker", ".properties");
            Properties properties = new Properties();
            serverProperties.forEach((key, value) -> properties.setProperty(key, String.valueOf(value)));
            try (OutputStream out = Files.newOutputStream(configFile)) {
                properties.store(out, "LocalKafkaBroker format");
            }
            int exitCode = StorageTool.execute(new String[]{
                    "format", "--config", configFile.toString(), "--cluster-id", clusterId}, printStream);
            if (exitCode != 0) {
                throw new IllegalStateException("kafka-storage format exited with " + exitCode + ": "
                        + output.toString(StandardCharsets.UTF_8).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot format Kafka data directory " + directory, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot format Kafka data directory " + directory + ": "
                    + output.toString(StandardCharsets.UTF_8).strip(), e);
        } finally {
            deleteQuietly(configFile);
        }
        log.info("Formatted Kafka data directory {} with cluster id {}: {}", directory, clusterId,
                output.toString(StandardCharsets.UTF_8).strip());
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.debug("Cannot delete temporary file {}", file, e);
        }
    }
}
