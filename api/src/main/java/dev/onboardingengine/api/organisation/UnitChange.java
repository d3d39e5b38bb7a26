package dev.onboardingengine.api.organisation;

/**
 * A unit to create, or the fields of a unit to change (null: unchanged). Field names in errors are the
 * wire names: external_id, name, level_organization_id, parent_id, language.
 */
public record UnitChange(String externalId, String name, Long levelOrganizationId, Long parentId, String language) {
}
