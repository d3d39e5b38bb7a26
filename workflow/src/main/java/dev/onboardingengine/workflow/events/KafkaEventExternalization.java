package dev.onboardingengine.workflow.events;

import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.support.DelegatingEventExternalizer;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The outbox: events published inside a transaction are stored by Spring Modulith's event
 * publication registry in that same transaction, and after commit sent to Kafka by this
 * externalizer. A publication is marked complete only once the broker acknowledged the record;
 * one that failed (broker down, process killed) stays incomplete and is resubmitted by
 * {@link IncompletePublicationResubmitter}.
 *
 * <p>Spring Modulith's own Kafka externalizer is not used: the version that matches our Boot line
 * cannot set per-event headers, and CloudEvents binary mode needs them. This is the same
 * {@link DelegatingEventExternalizer} it builds on, with the headers added.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableScheduling
@EnableConfigurationProperties({EventTopics.class, OutboxProperties.class})
class KafkaEventExternalization {

    @Bean
    EventExternalizationConfiguration eventExternalizationConfiguration(EventTopics topics) {
        return EventExternalizationConfiguration.externalizing()
                .select(event -> event instanceof OnboardingEvent)
                .routeAll(event -> {
                    OnboardingEvent onboardingEvent = (OnboardingEvent) event;
                    return RoutingTarget.forTarget(onboardingEvent.topic(topics)).andKey(onboardingEvent.key());
                })
                .build();
    }

    @Bean
    DelegatingEventExternalizer kafkaEventExternalizer(EventExternalizationConfiguration configuration,
            KafkaTemplate<String, String> kafka, ObjectMapper objectMapper) {
        return new DelegatingEventExternalizer(configuration, (target, payload) -> {
            OnboardingEvent event = (OnboardingEvent) payload;
            ProducerRecord<String, String> record = new ProducerRecord<>(target.getTarget(), target.getKey(),
                    toJson(objectMapper, event));
            CloudEventHeaders.write(record.headers(), event, target.getKey());
            CompletableFuture<?> sent = kafka.send(record);
            return sent;
        });
    }

    private static String toJson(ObjectMapper objectMapper, Object event) {
        try {
            return objectMapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize " + event.getClass().getSimpleName(), e);
        }
    }

    @Bean
    NewTopic newHiresTopic(EventTopics topics) {
        return TopicBuilder.name(topics.newHires()).partitions(topics.partitions()).build();
    }

    @Bean
    NewTopic newHiresDeadLetterTopic(EventTopics topics) {
        return TopicBuilder.name(topics.deadLetterOf(topics.newHires())).partitions(topics.partitions()).build();
    }

    @Bean
    NewTopic journeysTopic(EventTopics topics) {
        return TopicBuilder.name(topics.journeys()).partitions(topics.partitions()).build();
    }
}
