package dev.onboardingengine.workflow.notification;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;

import dev.onboardingengine.workflow.journey.JourneyVariables;

/**
 * One mail to one stakeholder, identified by its deduplication key.
 *
 * @param values the template's placeholders; null values render as empty
 */
record Notification(String dedupKey, String template, Recipient recipient, Map<String, Object> values,
        Long employeeId, Long journeyId) {

    /**
     * The notification of {@code role} in a journey, with the placeholders every template may use:
     * {@code hire|buddy|manager} {@code FirstName|LastName|Email}, {@code recipientFirstName|LastName},
     * {@code startDay}, {@code startTime}, {@code timeZone}, then {@code extraValues}.
     */
    static Notification forJourney(VariableScope journey, String role, String template, String dedupKey,
            Map<String, Object> extraValues) {
        Recipient recipient = Recipient.of(journey, role);
        Map<String, Object> values = new HashMap<>();
        for (String stakeholder : JourneyVariables.STAKEHOLDER_ROLES) {
            for (String field : new String[]{"FirstName", "LastName", "Email"}) {
                values.put(stakeholder + field, journey.getVariable(stakeholder + field));
            }
        }
        values.put("recipientFirstName", recipient.firstName());
        values.put("recipientLastName", recipient.lastName());
        Object timeZone = journey.getVariable(JourneyVariables.TIME_ZONE);
        values.put("timeZone", timeZone);
        values.put("startDay", startDay(journey.getVariable(JourneyVariables.START_DAY)));
        values.put("startTime", localTime(journey.getVariable(JourneyVariables.STARTS_AT), timeZone));
        values.putAll(extraValues);
        return new Notification(dedupKey, template, recipient, Collections.unmodifiableMap(values),
                number(journey.getVariable(JourneyVariables.EMPLOYEE_ID)),
                number(journey.getVariable(JourneyVariables.JOURNEY_ID)));
    }

    /** A moment of the journey as a date on the journey's calendar (its time zone, else UTC). */
    static LocalDate localDate(Date moment, Object timeZone) {
        return moment == null ? null : moment.toInstant().atZone(zone(timeZone)).toLocalDate();
    }

    private static Object localTime(Object moment, Object timeZone) {
        return moment instanceof Date date ? date.toInstant().atZone(zone(timeZone)).toLocalTime() : null;
    }

    private static Object startDay(Object isoDate) {
        if (isoDate == null) {
            return null;
        }
        try {
            return LocalDate.parse(isoDate.toString());
        } catch (DateTimeException e) {
            return isoDate.toString();
        }
    }

    private static ZoneId zone(Object timeZone) {
        try {
            return timeZone == null ? ZoneId.of("UTC") : ZoneId.of(timeZone.toString());
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }

    private static Long number(Object value) {
        return value instanceof Number number ? number.longValue() : null;
    }
}
