package dev.onboardingengine.api.hire.intake;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.onboardingengine.api.hire.HireChannel;
import dev.onboardingengine.api.hire.HireReceipt;
import dev.onboardingengine.api.hire.InvalidHire;
import dev.onboardingengine.api.hire.NewHireService;
import dev.onboardingengine.workflow.events.InvalidEventRecord;

/**
 * Consumes the hire-requests topic: each record is a hire request keyed by the sender's external id,
 * validated and stored by the same NewHireService as the REST dialects. Re-sending the same
 * external id updates the person and never makes a second one (nor a second journey).
 *
 * <p>A record that is not a hire request, or whose request is invalid, is thrown as an
 * {@link InvalidEventRecord} naming the reason and the fields at fault: the shared error handler
 * puts it on {@code onboarding.hire-requests.DLT} with those in its headers, and the consumer goes
 * on. Anything else (an unavailable database, above all) propagates and is retried by that handler;
 * the offset is committed only after the hire's transaction committed.
 */
@Component
class HireRequestListener {

    private static final Logger log = LoggerFactory.getLogger(HireRequestListener.class);

    private final NewHireService hires;
    private final HireRequestTranslator translator;
    private final ObjectMapper objectMapper;

    HireRequestListener(NewHireService hires, HireRequestTranslator translator, ObjectMapper objectMapper) {
        this.hires = hires;
        this.translator = translator;
        this.objectMapper = objectMapper;
    }

    @KafkaListener(id = "hire-requests", topics = "${onboarding.topics.hire-requests:onboarding.hire-requests}", groupId = "${onboarding.intake.consumer-group:onboarding-intake}", autoStartup = "${onboarding.intake.consume-hire-requests:true}")
    void onHireRequest(ConsumerRecord<String, String> record) {
        try (var ignored = MDC.putCloseable("externalId", record.key())) {
            HireRequest request = parse(record);
            String externalId = request.externalId() != null ? request.externalId() : record.key();
            HireRequestTranslator.Translation translation = translator.translate(request);
            List<InvalidHire.Violation> early = new ArrayList<>(translation.violations());
            if (request.externalId() != null && record.key() != null && !record.key().equals(request.externalId())) {
                early.add(new InvalidHire.Violation("externalId", "key_mismatch", request.externalId()));
            }
            if (!early.isEmpty()) {
                early.addAll(hires.validate(externalId, translation.hire()));
                throw hires.rejected(HireChannel.KAFKA, early);
            }
            HireReceipt receipt = hires.hireOrUpdate(externalId, translation.hire(), null, HireChannel.KAFKA);
            log.info("Hire request {} from {}-{}@{}: employee {} {}", externalId, record.topic(), record.partition(),
                    record.offset(), receipt.employee().id(), receipt.outcome());
        } catch (InvalidHire invalid) {
            throw invalidRecord(invalid);
        }
    }

    private HireRequest parse(ConsumerRecord<String, String> record) {
        if (record.value() == null || record.value().isBlank()) {
            throw rejectedRecord("Empty record: a hire request is a JSON object", List.of());
        }
        try {
            HireRequest request = objectMapper.readValue(record.value(), HireRequest.class);
            if (request == null) {
                throw rejectedRecord("The record is JSON null, not a hire request", List.of());
            }
            return request;
        } catch (JsonMappingException wrongType) {
            // Valid JSON, but a field has the wrong type or format: name the field.
            List<String> fields = wrongType.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                    .filter(name -> name != null).limit(1).toList();
            throw rejectedRecord("Not a hire request: " + wrongType.getOriginalMessage(), fields);
        } catch (JsonProcessingException notJson) {
            throw rejectedRecord("Not JSON: " + notJson.getOriginalMessage()
                    + (notJson.getLocation() == null
                            ? ""
                            : " (line %d, column %d)".formatted(notJson.getLocation().getLineNr(),
                                    notJson.getLocation().getColumnNr())),
                    List.of());
        }
    }

    private InvalidEventRecord rejectedRecord(String reason, List<String> fields) {
        hires.rejected(HireChannel.KAFKA, List.of()); // counted like any rejected request
        return new InvalidEventRecord(reason, fields);
    }

    private static InvalidEventRecord invalidRecord(InvalidHire invalid) {
        List<String> fields = invalid.violations().stream()
                .map(violation -> HireRequestTranslator.topicField(violation.field()))
                .collect(Collectors.toCollection(LinkedHashSet::new)).stream().toList();
        String reason = invalid.violations().stream()
                .map(v -> HireRequestTranslator.topicField(v.field()) + ": " + v.code()
                        + (v.rejectedValue() == null ? "" : " (" + v.rejectedValue() + ")"))
                .collect(Collectors.joining("; ", "Invalid hire request: ", ""));
        return new InvalidEventRecord(reason, fields);
    }
}
