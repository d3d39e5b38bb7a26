package dev.onboardingengine.workflow.journey;

import org.springframework.modulith.NamedInterface;

// The message says "track": only the Workelo dialect renders it, as it is, in its own word.
@NamedInterface("journey")
public class JourneyNotFound extends RuntimeException {

    JourneyNotFound(long journeyId) {
        super("No track " + journeyId);
    }
}
