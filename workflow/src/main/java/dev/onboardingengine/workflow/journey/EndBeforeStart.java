package dev.onboardingengine.workflow.journey;

import java.time.LocalDate;

import org.springframework.modulith.NamedInterface;

@NamedInterface("journey")
public class EndBeforeStart extends RuntimeException {

    EndBeforeStart(LocalDate start, LocalDate end) {
        super("end_date " + end + " is not after start_date " + start + ".");
    }
}
