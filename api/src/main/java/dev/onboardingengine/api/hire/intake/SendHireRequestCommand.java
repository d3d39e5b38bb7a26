package dev.onboardingengine.api.hire.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.NamedInterface;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code send-hire-request <file.json|-> [--bootstrap-servers host:port] [--topic name]}: what an HR
 * system does, from a terminal. Sends the JSON hire request as one record on the hire-requests
 * topic, keyed by its {@code external_id}, prints where it landed and exits. It only checks that the
 * file is a JSON object with an external id: the engine validates the rest, and sends what it
 * rejects to the dead-letter topic. Needs no database and starts no Spring context, so it runs in
 * a second while the engine runs.
 *
 * <p>Defaults: {@code KAFKA_BOOTSTRAP_SERVERS}, else the embedded broker at
 * {@code 127.0.0.1:${ONBOARDING_EMBEDDED_KAFKA_PORT:-9092}}; topic {@code ONBOARDING_TOPICS_HIRE_REQUESTS},
 * else {@code onboarding.hire-requests}.
 */
@NamedInterface("boot")
public final class SendHireRequestCommand {

    static final String NAME = "send-hire-request";
    private static final String USAGE = "Usage: send-hire-request <file.json or - for standard input> [--bootstrap-servers host:port] [--topic name]";

    private SendHireRequestCommand() {
    }

    public static boolean isInvokedBy(String[] args) {
        return args.length > 0 && NAME.equals(args[0]);
    }

    /** {@link #run} on the process's terminal, with the Kafka client's start-up chatter turned down. */
    public static int runFromTerminal(String[] args) {
        // Without a Spring context Logback runs on its defaults, which print every producer setting.
        if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext logback) {
            logback.getLogger("org.apache.kafka").setLevel(ch.qos.logback.classic.Level.WARN);
        }
        return run(args, System.getenv(), System.in, System.out, System.err);
    }

    /** @return the process exit code: 0 sent, 1 not sent (broker, file), 2 wrong usage or not a hire request */
    @SuppressWarnings("java:S106") // a command-line tool talks to its terminal
    public static int run(String[] args, Map<String, String> environment, InputStream stdin, PrintStream out,
            PrintStream err) {
        List<String> positional = new ArrayList<>();
        String bootstrapServers = environment.getOrDefault("KAFKA_BOOTSTRAP_SERVERS",
                "127.0.0.1:" + environment.getOrDefault("ONBOARDING_EMBEDDED_KAFKA_PORT", "9092"));
        String topic = environment.getOrDefault("ONBOARDING_TOPICS_HIRE_REQUESTS", "onboarding.hire-requests");
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--bootstrap-servers") && i + 1 < args.length) {
                bootstrapServers = args[++i];
            } else if (args[i].equals("--topic") && i + 1 < args.length) {
                topic = args[++i];
            } else if (args[i].startsWith("--") && !args[i].equals("-")) {
                err.println(USAGE);
                return 2;
            } else {
                positional.add(args[i]);
            }
        }
        if (positional.size() != 1) {
            err.println(USAGE);
            return 2;
        }
        String json;
        try {
            json = positional.get(0).equals("-")
                    ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(positional.get(0)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("Cannot read " + positional.get(0) + ": " + e.getMessage());
            return 1;
        }
        String externalId;
        try {
            JsonNode request = new ObjectMapper().readTree(json);
            if (request == null || !request.isObject() || !request.path("external_id").isTextual()
                    || request.path("external_id").asText().isBlank()) {
                err.println("A hire request is a JSON object with a non-blank \"external_id\" string (the record key)");
                return 2;
            }
            externalId = request.path("external_id").asText();
            // One line on the topic, whatever the file's layout: what kafka-console-producer would send.
            json = request.toString();
        } catch (JsonProcessingException e) {
            err.println("Not JSON: " + e.getOriginalMessage());
            return 2;
        }
        return send(bootstrapServers, topic, externalId, json, out, err);
    }

    private static int send(String bootstrapServers, String topic, String key, String json, PrintStream out,
            PrintStream err) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.CLIENT_ID_CONFIG, NAME,
                // Fail within seconds when nothing listens there, instead of Kafka's default minute.
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
            record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
            RecordMetadata sent = producer.send(record).get(30, TimeUnit.SECONDS);
            out.printf("Sent hire request %s to %s (partition %d, offset %d) at %s%n", key, sent.topic(),
                    sent.partition(), sent.offset(), bootstrapServers);
            return 0;
        } catch (ExecutionException | TimeoutException | org.apache.kafka.common.KafkaException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            err.println("Could not send to " + topic + " at " + bootstrapServers + ": " + cause.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("Interrupted");
            return 1;
        }
    }
}
