package dev.onboardingengine.workflow.journey;

import org.springframework.modulith.NamedInterface;

// The message says "track": only the Workelo dialect renders it, as it is, in its own word.
@NamedInterface("journey")
public class JourneyNotDraft extends RuntimeException {

    private final JourneyStatus status;

    JourneyNotDraft(long journeyId, JourneyStatus status) {
        super("Track " + journeyId + " is " + (status == null ? "starting" : status.wireName())
                + ", not a draft: only a draft can be started.");
        this.status = status;
    }

    public JourneyStatus status() {
        return status;
    }
}
