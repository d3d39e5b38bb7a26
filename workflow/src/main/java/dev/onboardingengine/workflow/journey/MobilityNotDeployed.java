package dev.onboardingengine.workflow.journey;

import org.springframework.modulith.NamedInterface;

@NamedInterface("journey")
public class MobilityNotDeployed extends RuntimeException {

    MobilityNotDeployed(String mobility) {
        super("No journey process is deployed for mobility '" + mobility + "'.");
    }
}
