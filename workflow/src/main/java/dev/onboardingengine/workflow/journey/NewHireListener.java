package dev.onboardingengine.workflow.journey;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.onboardingengine.workflow.events.InvalidEventRecord;
import dev.onboardingengine.workflow.hire.HireDirectory;
import dev.onboardingengine.workflow.hire.HireIdentity;
import dev.onboardingengine.workflow.hire.NewHireCreated;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Consumes NewHireCreated and starts the journey. The offset is committed only after the journey's
 * transaction committed, so a crash in between means a redelivery, which {@link JourneyLauncher}
 * recognises. An event whose employee does not exist, or is somebody else now ({@link HireIdentity}),
 * is dead-lettered with the reason and starts nothing. The application's {@code api} provides the
 * {@link HireDirectory}; the workflow module on its own (its tests) has none and checks nothing.
 */
@Component
class NewHireListener {

    private static final Logger log = LoggerFactory.getLogger(NewHireListener.class);

    private final JourneyLauncher launcher;
    private final ObjectMapper objectMapper;
    private final ObjectProvider<HireDirectory> directory;
    private final Counter journeysStarted;

    NewHireListener(JourneyLauncher launcher, ObjectMapper objectMapper, ObjectProvider<HireDirectory> directory,
            ObjectProvider<MeterRegistry> meters) {
        this.launcher = launcher;
        this.objectMapper = objectMapper;
        this.directory = directory;
        // Counted here, after the launch committed, so a rolled-back start is never counted.
        this.journeysStarted = Counter.builder("onboarding.journeys.started")
                .description("Journeys started from NewHireCreated (redeliveries not counted)")
                .tag("mobility", JourneyLauncher.MOBILITY_ONBOARDING)
                .register(meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @KafkaListener(id = "new-hires", topics = "${onboarding.topics.new-hires:onboarding.new-hires}", groupId = "${onboarding.workflow.consumer-group:onboarding-workflow}", autoStartup = "${onboarding.workflow.consume-new-hires:true}")
    void onNewHire(ConsumerRecord<String, String> record) {
        NewHireCreated hire = parse(record);
        HireDirectory people = directory.getIfAvailable();
        if (people != null) {
            HireIdentity.mismatch(hire, people.find(hire.employeeId())).ifPresent(mismatch -> {
                throw new InvalidEventRecord(mismatch.reason(), mismatch.fields());
            });
        }
        try {
            if (launcher.launch(hire)) {
                journeysStarted.increment();
            }
        } catch (DuplicateKeyException raced) {
            // Another node (or an earlier delivery still in flight) committed this journey first.
            log.info("Journey for hire event {} was started concurrently elsewhere; nothing to do", hire.eventId());
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
