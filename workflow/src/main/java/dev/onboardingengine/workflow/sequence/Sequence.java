package dev.onboardingengine.workflow.sequence;

import org.springframework.modulith.NamedInterface;

/**
 * A reusable bundle of timed actions: a deployed BPMN process whose key starts with {@code sequence-}.
 *
 * @param id stable numeric id (ChiefOnboarding's and Workelo's APIs use integers)
 * @param processKey the BPMN process key, e.g. {@code sequence-it-equipment}
 * @param name the process name of its latest version
 * @param mobility the process property {@code onboarding.mobility} (onboarding, offboarding, ...); null: any
 * @param unitExternalIds the process property {@code onboarding.units}: external ids of the organisation
 *     units the sequence applies to (and to every unit below them), comma-separated; empty: every unit
 */
@NamedInterface("sequence")
public record Sequence(long id, String processKey, String name, String mobility,
        java.util.List<String> unitExternalIds) {

    public Sequence {
        unitExternalIds = unitExternalIds == null ? java.util.List.of() : java.util.List.copyOf(unitExternalIds);
    }
}
