package dev.onboardingengine.workflow.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The element templates HR loads into Modeler describe only what this engine has. */
class ElementTemplatesTests {

    @Test
    void everyTemplateHasAnIdAVersionAndWhatItAppliesTo() throws Exception {
        // Given the shipped templates file
        JsonNode templates = templates();

        // Then it is an array of templates, each identified, versioned and applicable
        assertThat(templates.isArray()).isTrue();
        assertThat(templates).hasSizeGreaterThanOrEqualTo(7);
        for (JsonNode template : templates) {
            assertThat(template.path("id").asText()).as("id of %s", template.path("name")).startsWith("onboarding.");
            assertThat(template.path("version").isInt()).as("version of %s", template.path("id")).isTrue();
            assertThat(template.path("appliesTo").isArray() && !template.path("appliesTo").isEmpty())
                    .as("appliesTo of %s", template.path("id")).isTrue();
            assertThat(template.path("properties").isArray()).as("properties of %s", template.path("id")).isTrue();
        }
        assertThat(ids(templates)).contains("onboarding.set-journey-status", "onboarding.notify-stakeholder",
                "onboarding.send-invitation", "onboarding.assign-action", "onboarding.wait-days-before-start",
                "onboarding.wait-workday", "onboarding.call-sequence");
    }

    @Test
    void everyDelegateExpressionInTheTemplatesIsABeanOfTheEngine() throws Exception {
        // Given the delegate expressions the templates write into diagrams
        List<String> delegates = new ArrayList<>();
        for (JsonNode template : templates()) {
            for (JsonNode property : template.path("properties")) {
                if ("camunda:delegateExpression".equals(property.path("binding").path("name").asText())) {
                    delegates.add(property.path("value").asText());
                }
            }
        }

        // When the engine's named components are listed
        Set<String> beans = engineBeanNames();

        // Then each delegate is one of them
        assertThat(delegates).isNotEmpty();
        assertThat(delegates).allSatisfy(delegate -> assertThat(delegate).matches("\\$\\{[A-Za-z]+\\}")
                .satisfies(d -> assertThat(beans).contains(d.substring(2, d.length() - 1))));
    }

    @Test
    void theEngineKnowsEachShippedTemplateVersionAndNoOther() {
        ElementTemplates shipped = ElementTemplates.shipped();

        assertThat(shipped.knows("onboarding.notify-stakeholder", "1")).isTrue();
        assertThat(shipped.knows("onboarding.notify-stakeholder", null)).isTrue();
        assertThat(shipped.knows("onboarding.notify-stakeholder", "99")).isFalse();
        assertThat(shipped.knows("io.camunda.connectors.HttpJson.v2", "1")).isFalse();
    }

    private static JsonNode templates() throws Exception {
        try (InputStream json = new ClassPathResource(ElementTemplates.RESOURCE).getInputStream()) {
            return new ObjectMapper().readTree(json);
        }
    }

    private static Set<String> ids(JsonNode templates) {
        Set<String> ids = new java.util.HashSet<>();
        templates.forEach(template -> ids.add(template.path("id").asText()));
        return ids;
    }

    private static Set<String> engineBeanNames() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(true);
        return scanner.findCandidateComponents("dev.onboardingengine.workflow").stream()
                .map(definition -> (String) ((AnnotatedBeanDefinition) definition).getMetadata()
                        .getAnnotationAttributes(Component.class.getName()).get("value"))
                .filter(name -> name != null && !name.isEmpty())
                .collect(Collectors.toSet());
    }
}
