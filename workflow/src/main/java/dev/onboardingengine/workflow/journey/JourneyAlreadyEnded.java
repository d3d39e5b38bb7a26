package dev.onboardingengine.workflow.journey;

import org.springframework.modulith.NamedInterface;

// The message says "track": only the Workelo dialect renders it, as it is, in its own word.
@NamedInterface("journey")
public class JourneyAlreadyEnded extends RuntimeException {

    JourneyAlreadyEnded(long journeyId, JourneyStatus status) {
        super("Track " + journeyId + " is already " + status.wireName() + ".");
    }
}
