package dev.onboardingengine.workflow.events;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * What a consumer does with a record it cannot process. Invalid records go to {@code <topic>.DLT}
 * at once, with the reason in Spring Kafka's {@code kafka_dlt-exception-*} headers and in our own
 * {@link #REASON_HEADER} and {@link #FIELDS_HEADER} (which a sender can read without knowing Java
 * exception names), and the consumer goes on. An unavailable database is waited out with an
 * exponential back-off and never dead-lettered: the record is fine, the moment is not. Anything
 * else is tried three times. Every dead letter counts in {@code onboarding.dead.letters}.
 */
@Configuration(proxyBeanMethods = false)
class KafkaErrorHandling {

    /** Why the record was dead-lettered, in words meant for the sender. */
    static final String REASON_HEADER = "onboarding_dlt_reason";
    /** The payload fields at fault, comma-separated; absent when the record as a whole is at fault. */
    static final String FIELDS_HEADER = "onboarding_dlt_fields";
    static final String DEAD_LETTERS_METRIC = "onboarding.dead.letters";

    private static final Logger log = LoggerFactory.getLogger(KafkaErrorHandling.class);

    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, String> kafka, ObjectProvider<MeterRegistry> meters) {
        // The workflow module runs without Actuator in its own tests: count into a private registry there.
        MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka,
                (record, exception) -> new TopicPartition(record.topic() + ".DLT", record.partition()));
        deadLetters.setHeadersFunction((record, exception) -> reasonHeaders(exception));
        DefaultErrorHandler handler = new DefaultErrorHandler((record, exception) -> {
            log.warn("Record {}-{}@{} goes to the dead-letter topic: {}", record.topic(), record.partition(),
                    record.offset(), rootMessage(exception));
            deadLetters.accept(record, exception);
            Counter.builder(DEAD_LETTERS_METRIC).description("Records sent to a dead-letter topic")
                    .tag("topic", record.topic()).register(registry).increment();
        }, new FixedBackOff(1_000L, 2));
        handler.addNotRetryableExceptions(InvalidEventRecord.class, JsonProcessingException.class);
        handler.setBackOffFunction((record, exception) -> isTransient(exception) ? waitForDatabase() : null);
        return handler;
    }

    static Headers reasonHeaders(Throwable exception) {
        Headers headers = new RecordHeaders();
        InvalidEventRecord invalid = invalidRecordIn(exception);
        String reason = invalid != null ? invalid.getMessage() : rootMessage(exception);
        headers.add(REASON_HEADER, String.valueOf(reason).getBytes(StandardCharsets.UTF_8));
        if (invalid != null && !invalid.fields().isEmpty()) {
            headers.add(FIELDS_HEADER, String.join(",", invalid.fields()).getBytes(StandardCharsets.UTF_8));
        }
        return headers;
    }

    private static InvalidEventRecord invalidRecordIn(Throwable exception) {
        // The listener's exception arrives wrapped in ListenerExecutionFailedException.
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidEventRecord invalid) {
                return invalid;
            }
        }
        return null;
    }

    private static BackOff waitForDatabase() {
        ExponentialBackOff backOff = new ExponentialBackOff(500L, 2.0);
        backOff.setMaxInterval(30_000L);
        return backOff; // no max elapsed time: retried until the database is back
    }

    static boolean isTransient(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof RecoverableDataAccessException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException || isConnectionLoss(cause)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Camunda reports SQL failures as its own exceptions, which Spring does not translate: a journey
     * start that loses its connection mid-command arrives as a ProcessEngineException. Recognised by
     * the JDBC exception underneath: SQLState class 08 (connection exception) or 57P (the server
     * terminated the session or does not accept connections yet).
     */
    private static boolean isConnectionLoss(Throwable cause) {
        if (cause instanceof java.sql.SQLTransientConnectionException
                || cause instanceof java.sql.SQLRecoverableException) {
            return true;
        }
        String state = cause instanceof java.sql.SQLException sql ? sql.getSQLState() : null;
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    private static String rootMessage(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
