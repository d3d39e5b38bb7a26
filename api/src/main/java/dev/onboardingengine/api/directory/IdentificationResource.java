package dev.onboardingengine.api.directory;

/** A custom identification field (badge, employee number, ...), Workelo's identification resource. */
public record IdentificationResource(long id, String code, String name) {
}
