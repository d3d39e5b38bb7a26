package dev.onboardingengine.workflow.modeling;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Modeler element templates this engine ships ({@code processes/element-templates}, also in the
 * processes jar): a diagram may only use these ids and versions, since anything else was made for
 * another engine or a version whose fields this one no longer reads.
 */
final class ElementTemplates {

    static final String RESOURCE = "element-templates/onboarding-engine.json";

    static final String ASSIGN_ACTION = "onboarding.assign-action";
    static final String FILL_FORM = "onboarding.fill-form";
    static final String ACKNOWLEDGE_DOCUMENT = "onboarding.acknowledge-document";
    static final String WAIT_DAYS_BEFORE_START = "onboarding.wait-days-before-start";
    static final String WAIT_WORKDAY = "onboarding.wait-workday";
    static final String CALL_SEQUENCE = "onboarding.call-sequence";

    /**
     * The user tasks that are actions of a stakeholder: an owner whose assignee they are, and the
     * {@code ${actionNotifier}} create listener that mails them, whichever of these templates HR applied.
     */
    static final Set<String> ACTIONS = Set.of(ASSIGN_ACTION, FILL_FORM, ACKNOWLEDGE_DOCUMENT);

    private final Set<String> idsAndVersions;
    private final Set<String> ids;
    private final java.util.Map<String, Integer> latestVersions;

    private ElementTemplates(Set<String> idsAndVersions, Set<String> ids,
            java.util.Map<String, Integer> latestVersions) {
        this.idsAndVersions = idsAndVersions;
        this.ids = ids;
        this.latestVersions = latestVersions;
    }

    static ElementTemplates shipped() {
        try (InputStream json = new ClassPathResource(RESOURCE).getInputStream()) {
            Set<String> idsAndVersions = new HashSet<>();
            Set<String> ids = new HashSet<>();
            java.util.Map<String, Integer> latest = new java.util.HashMap<>();
            for (JsonNode template : new ObjectMapper().readTree(json)) {
                ids.add(template.path("id").asText());
                idsAndVersions.add(template.path("id").asText() + "@" + template.path("version").asText());
                latest.merge(template.path("id").asText(), template.path("version").asInt(), Math::max);
            }
            return new ElementTemplates(Set.copyOf(idsAndVersions), Set.copyOf(ids), java.util.Map.copyOf(latest));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the element templates " + RESOURCE, e);
        }
    }

    static boolean isAction(String templateId) {
        return templateId != null && ACTIONS.contains(templateId);
    }

    int latestVersion(String id) {
        return latestVersions.getOrDefault(id, 0);
    }

    /** A template without a version is one Modeler applied from a versionless file: its id must still be ours. */
    boolean knows(String id, String version) {
        return version == null || version.isBlank() ? ids.contains(id) : idsAndVersions.contains(id + "@" + version);
    }
}
