package dev.onboardingengine.api.paperwork;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The fields of a Camunda Forms JSON document (as Camunda Modeler saves it): every component with a
 * {@code key}, in reading order, groups flattened. Layout-only components (text, image, spacer, button)
 * have no key and are not paperwork.
 */
record FormSchema(String id, List<Field> fields) {

    private static final List<String> LAYOUT_ONLY = List.of("text", "image", "spacer", "separator", "button", "html");

    /**
     * @param options the static {@code values} of a select or radio: the list's first options
     * @param maxLength null: the column's limit
     */
    record Field(String key, String label, ResourceType type, boolean required, Integer maxLength,
            List<Option> options) {
    }

    record Option(String label, String value) {
    }

    static FormSchema parse(String json, ObjectMapper objectMapper) {
        JsonNode root;
        try {
            root = objectMapper.readTree(json);
        } catch (JsonProcessingException notJson) {
            throw new IllegalArgumentException("Not a Camunda Forms JSON document: " + notJson.getOriginalMessage());
        }
        List<Field> fields = new ArrayList<>();
        collect(root.path("components"), fields);
        return new FormSchema(root.path("id").asText(null), List.copyOf(fields));
    }

    private static void collect(JsonNode components, List<Field> fields) {
        for (JsonNode component : components) {
            String type = component.path("type").asText("");
            if (component.has("components")) {
                collect(component.path("components"), fields); // group, dynamic list: their children
            }
            String key = component.path("key").asText("").strip();
            if (key.isEmpty() || LAYOUT_ONLY.contains(type) || fields.stream().anyMatch(f -> f.key().equals(key))) {
                continue;
            }
            String label = component.path("label").asText(component.path("dateLabel").asText(key));
            JsonNode validate = component.path("validate");
            Integer maxLength = validate.has("maxLength") ? validate.path("maxLength").asInt() : null;
            List<Option> options = new ArrayList<>();
            for (JsonNode value : component.path("values")) {
                options.add(new Option(value.path("label").asText(value.path("value").asText()),
                        value.path("value").asText()));
            }
            fields.add(new Field(key, label.isBlank() ? key : label,
                    ResourceType.ofComponent(type, component.path("subtype").asText(null),
                            component.path("properties").path(ResourceType.PAPERWORK_PROPERTY).asText(null)),
                    validate.path("required").asBoolean(false), maxLength, List.copyOf(options)));
        }
    }
}
