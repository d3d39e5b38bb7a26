package dev.onboardingengine.workflow.journey;

import java.time.Instant;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * "Now" as the engine sees it: Camunda's clock, which fires timers and computes due dates, and which
 * tests move instead of sleeping. Whatever must expire in step with journeys (magic links) reads it
 * here, since only workflow touches Camunda's classes.
 */
@NamedInterface("journey")
@Component
public class EngineTime {

    public Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
