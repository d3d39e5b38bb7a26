package dev.onboardingengine.workflow.sequence;

/**
 * A reusable bundle of timed actions: a deployed BPMN process whose key starts with {@code sequence-}.
 *
 * @param id stable numeric id (ChiefOnboarding's and Workelo's APIs use integers)
 * @param processKey the BPMN process key, e.g. {@code sequence-it-equipment}
 * @param name the process name of its latest version
 */
public record Sequence(long id, String processKey, String name) {
}
