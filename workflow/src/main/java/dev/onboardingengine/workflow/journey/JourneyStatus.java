package dev.onboardingengine.workflow.journey;

import java.util.Arrays;

import org.springframework.modulith.NamedInterface;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The milestones of a journey, as the BPMN marks them and as every API shows them. */
@NamedInterface("journey")
public enum JourneyStatus {

    DRAFT("draft"), SCHEDULED("scheduled"), INVITATION_SENT("invitation_sent"), IN_PROGRESS("in_progress"), CLOSED(
            "closed"), CANCELLED("cancelled");

    private final String wireName;

    JourneyStatus(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public boolean isFinal() {
        return this == CLOSED || this == CANCELLED;
    }

    @JsonCreator
    public static JourneyStatus fromWireName(String name) {
        return Arrays.stream(values())
                .filter(status -> status.wireName.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown journey status '" + name + "'"));
    }
}
