package dev.onboardingengine.workflow.journey;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.onboardingengine.workflow.events.InvalidEventRecord;
import dev.onboardingengine.workflow.hire.HireDirectory;
import dev.onboardingengine.workflow.hire.NewHireCreated;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Consumes NewHireCreated and starts the journey. The offset is committed only after the journey's
 * transaction committed, so a crash in between means a redelivery, which {@link JourneyLauncher}
 * recognises. An event whose employee does not exist, or is somebody else now
 * ({@link dev.onboardingengine.workflow.hire.HireIdentity}), is dead-lettered with the reason and starts nothing. The application's {@code api} provides the
 * {@link HireDirectory}; the workflow module on its own (its tests) has none and checks nothing.
 */
@Component
class NewHireListener {

    private final JourneyLauncher launcher;
    private final ObjectMapper objectMapper;
    private final Counter journeysStarted;

    NewHireListener(JourneyLauncher launcher, ObjectMapper objectMapper, ObjectProvider<MeterRegistry> meters) {
        this.launcher = launcher;
        this.objectMapper = objectMapper;
        // Counted here, after the launch committed, so a rolled-back start is never counted.
        this.journeysStarted = Counter.builder("onboarding.journeys.started")
                .description("Journeys started from NewHireCreated (redeliveries not counted)")
                .tag("mobility", JourneyLauncher.MOBILITY_ONBOARDING)
                .register(meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @KafkaListener(id = "new-hires", topics = "${onboarding.topics.new-hires:onboarding.new-hires}", groupId = "${onboarding.workflow.consumer-group:onboarding-workflow}", autoStartup = "${onboarding.workflow.consume-new-hires:true}")
    void onNewHire(ConsumerRecord<String, String> record) {
        // The launcher checks the hire against the directory (HireIdentity) and recognises a redelivery.
        if (launcher.launch(parse(record))) {
            journeysStarted.increment();
        }
    }

    private NewHireCreated parse(ConsumerRecord<String, String> record) {
        try {
            NewHireCreated hire = objectMapper.readValue(record.value(), NewHireCreated.class);
            if (hire.eventId() == null || hire.startDay() == null || hire.timeZone() == null) {
                throw new InvalidEventRecord("NewHireCreated lacks eventId, startDay or timeZone");
            }
            return hire;
        } catch (JsonProcessingException e) {
            throw new InvalidEventRecord("Not a NewHireCreated JSON payload: " + e.getOriginalMessage());
        }
    }
}
