package dev.onboardingengine.workflow.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exercises the real in-process KRaft broker: produce/consume, persistence of records and committed
 * group offsets across a restart on the same directory and port, and port 0.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LocalKafkaBrokerTests {

    private static final Logger log = LoggerFactory.getLogger(LocalKafkaBrokerTests.class);

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dataDirectory;

    @Test
    void producedRecordIsConsumedFromAnAutoCreatedTopic() throws Exception {
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(dataDirectory, 0)) {
            send(broker, "auto-created", "k1", "hello");

            List<ConsumerRecord<String, String>> records = consume(broker, "auto-created", "reader", 1);

            assertThat(records).extracting(ConsumerRecord::key, ConsumerRecord::value)
                    .containsExactly(tuple("k1", "hello"));
            try (Admin admin = admin(broker)) {
                assertThat(admin.describeTopics(Set.of("auto-created")).allTopicNames()
                        .get(WAIT.toSeconds(), TimeUnit.SECONDS).get("auto-created").partitions())
                        .hasSize(3);
            }
        }
    }

    @Test
    void recordsAndCommittedOffsetsSurviveARestartOnTheSameDirectoryAndPort() throws Exception {
        String topic = "journeys";
        TopicPartition partition = new TopicPartition(topic, 0);
        String bootstrapBefore;
        int port;

        long fresh = System.nanoTime();
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(dataDirectory, 0)) {
            log.info("Fresh start took {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - fresh));
            bootstrapBefore = broker.bootstrapServers();
            port = Integer.parseInt(bootstrapBefore.substring(bootstrapBefore.lastIndexOf(':') + 1));
            try (Admin admin = admin(broker)) {
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all()
                        .get(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
            send(broker, topic, "a", "first");

            // The group reads and commits the first record only.
            try (KafkaConsumer<String, String> consumer = consumer(broker, "engine")) {
                consumer.subscribe(List.of(topic));
                assertThat(poll(consumer, 1)).extracting(ConsumerRecord::value).containsExactly("first");
                consumer.commitSync(WAIT);
            }
            send(broker, topic, "b", "second");
        }

        long restart = System.nanoTime();
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(dataDirectory, port)) {
            log.info("Restart took {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restart));
            assertThat(broker.bootstrapServers()).isEqualTo(bootstrapBefore);

            // Both records written before the restart are still in the log.
            try (KafkaConsumer<String, String> reader = consumer(broker, null)) {
                reader.assign(List.of(partition));
                reader.seekToBeginning(List.of(partition));
                assertThat(poll(reader, 2)).extracting(ConsumerRecord::value).containsExactly("first", "second");
            }

            // The group's committed offset survived, so it resumes after the first record.
            try (KafkaConsumer<String, String> consumer = consumer(broker, "engine")) {
                Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.of(partition), WAIT);
                assertThat(committed.get(partition)).isNotNull();
                assertThat(committed.get(partition).offset()).isEqualTo(1L);
                consumer.subscribe(List.of(topic));
                assertThat(poll(consumer, 1)).extracting(ConsumerRecord::value).containsExactly("second");
            }
        }
    }

    @Test
    void portZeroPicksAFreeLoopbackPort() throws Exception {
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(dataDirectory, 0)) {
            assertThat(broker.bootstrapServers()).matches("127\\.0\\.0\\.1:[1-9][0-9]*");

            try (Admin admin = admin(broker)) {
                assertThat(admin.describeCluster().nodes().get(WAIT.toSeconds(), TimeUnit.SECONDS))
                        .singleElement()
                        .satisfies(node -> assertThat(node.host() + ":" + node.port())
                                .isEqualTo(broker.bootstrapServers()));
            }
            send(broker, "port-zero", "k", "v");
            assertThat(consume(broker, "port-zero", "port-zero-reader", 1))
                    .extracting(ConsumerRecord::value).containsExactly("v");
        }
    }

    @Test
    void closeIsIdempotent() {
        LocalKafkaBroker broker = LocalKafkaBroker.start(dataDirectory, 0);
        broker.close();
        broker.close();
    }

    private static void send(LocalKafkaBroker broker, String topic, String key, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) WAIT.toMillis(),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) WAIT.toMillis());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private static List<ConsumerRecord<String, String>> consume(LocalKafkaBroker broker, String topic, String group,
            int expected) {
        try (KafkaConsumer<String, String> consumer = consumer(broker, group)) {
            consumer.subscribe(List.of(topic));
            return poll(consumer, expected);
        }
    }

    private static KafkaConsumer<String, String> consumer(LocalKafkaBroker broker, String group) {
        Map<String, Object> config = new HashMap<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) WAIT.toMillis()));
        if (group != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        return new KafkaConsumer<>(config);
    }

    /** Polls until {@code expected} records arrived or {@link #WAIT} elapsed. */
    private static List<ConsumerRecord<String, String>> poll(KafkaConsumer<String, String> consumer, int expected) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (records.size() < expected && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }

    private static Admin admin(LocalKafkaBroker broker) {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) WAIT.toMillis()));
    }
}
