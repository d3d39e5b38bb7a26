package dev.onboardingengine.api.hire.intake;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import dev.onboardingengine.workflow.events.EventTopics;

/**
 * The hire-requests topic and its dead-letter topic, created at start when missing. The dead-letter
 * topic has as many partitions as the topic: a dead letter keeps its record's partition.
 */
@Configuration(proxyBeanMethods = false)
class IntakeTopics {

    @Bean
    NewTopic hireRequestsTopic(EventTopics topics) {
        return TopicBuilder.name(topics.hireRequests()).partitions(topics.partitions()).build();
    }

    @Bean
    NewTopic hireRequestsDeadLetterTopic(EventTopics topics) {
        return TopicBuilder.name(topics.deadLetterOf(topics.hireRequests())).partitions(topics.partitions()).build();
    }
}
