package dev.onboardingengine.workflow.modeling;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Camunda Forms as the Tasklist of Camunda 7.24 shows them: with its form-js viewer, 1.8.x, which renders
 * these field types and fails on any other ("form field of type &lt;filepicker&gt; not supported"), so
 * the Tasklist page of such a task stays blank. A new deployment bringing a form with another type is
 * refused, naming the form, the field and its type. (TasklistFormRenderingTests checks the list against
 * the viewer itself.)
 */
final class TasklistForms {

    static final Set<String> FIELD_TYPES = Set.of("textfield", "textarea", "number", "datetime", "expression",
            "checkbox", "checklist", "radio", "select", "taglist", "text", "image", "table", "html", "spacer",
            "separator", "group", "dynamiclist", "iframe", "button");

    private static final ObjectMapper JSON = new ObjectMapper();

    private TasklistForms() {
    }

    /** Refuses a new deployment with a form Tasklist cannot render: every problem of every form at once. */
    static Deployer refusingWhatTasklistCannotRender() {
        return deployment -> {
            if (!deployment.isNew() || deployment.getResources() == null) {
                return;
            }
            List<String> problems = new ArrayList<>();
            for (ResourceEntity resource : deployment.getResources().values()) {
                if (resource.getName().endsWith(".form")) {
                    problems.addAll(
                            problemsOf(resource.getName(), new String(resource.getBytes(), StandardCharsets.UTF_8)));
                }
            }
            if (!problems.isEmpty()) {
                throw new BadUserRequestException("This engine refuses the deployment: " + String.join("; ", problems));
            }
        };
    }

    /** The id of the form ({@code "id"} of the Camunda Forms JSON), or null when it is not one. */
    static String idOf(String json) {
        try {
            return JSON.readTree(json).path("id").asText(null);
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    static List<String> problemsOf(String resourceName, String json) {
        JsonNode form;
        try {
            form = JSON.readTree(json);
        } catch (JsonProcessingException notJson) {
            return List.of(resourceName + ": not a Camunda Forms JSON document (" + notJson.getOriginalMessage() + ")");
        }
        List<String> problems = new ArrayList<>();
        collect(form.path("id").asText(resourceName), form.path("components"), problems);
        return problems;
    }

    private static void collect(String formId, JsonNode components, List<String> problems) {
        for (JsonNode component : components) {
            String type = component.path("type").asText("");
            if (!FIELD_TYPES.contains(type)) {
                String key = component.path("key").asText("");
                problems.add("form " + formId + ": field " + component.path("id").asText("?")
                        + (key.isEmpty() ? "" : " (" + key + ")") + " is a " + type
                        + ", which the Tasklist of Camunda 7.24"
                        + " (form-js 1.8) cannot render; its types are " + FIELD_TYPES.stream().sorted().toList()
                        + ("filepicker".equals(type)
                                ? ". For a file the hire uploads on their page, use a textfield"
                                        + " with the custom property onboarding.paperwork = file"
                                : ""));
            }
            collect(formId, component.path("components"), problems);
        }
    }
}
