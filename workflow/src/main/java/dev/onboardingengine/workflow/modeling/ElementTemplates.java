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
    static final String WAIT_DAYS_BEFORE_START = "onboarding.wait-days-before-start";
    static final String WAIT_WORKDAY = "onboarding.wait-workday";

    private final Set<String> idsAndVersions;
    private final Set<String> ids;

    private ElementTemplates(Set<String> idsAndVersions, Set<String> ids) {
        this.idsAndVersions = idsAndVersions;
        this.ids = ids;
    }

    static ElementTemplates shipped() {
        try (InputStream json = new ClassPathResource(RESOURCE).getInputStream()) {
            Set<String> idsAndVersions = new HashSet<>();
            Set<String> ids = new HashSet<>();
            for (JsonNode template : new ObjectMapper().readTree(json)) {
                ids.add(template.path("id").asText());
                idsAndVersions.add(template.path("id").asText() + "@" + template.path("version").asText());
            }
            return new ElementTemplates(Set.copyOf(idsAndVersions), Set.copyOf(ids));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the element templates " + RESOURCE, e);
        }
    }

    /** A template without a version is one Modeler applied from a versionless file: its id must still be ours. */
    boolean knows(String id, String version) {
        return version == null || version.isBlank() ? ids.contains(id) : idsAndVersions.contains(id + "@" + version);
    }
}
