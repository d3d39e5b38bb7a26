package dev.onboardingengine.api.fuzz;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** The operations of an OpenAPI 3 document, with what the fuzzer needs of each: parameters and body fields. */
final class OpenApiOperations {

    /** A field of a JSON body or a parameter: its name, JSON type and format as the document gives them. */
    record Field(String name, String type, String format) {
    }

    /**
     * @param bodyType the request body's media type, null when the operation takes none
     * @param bodyFields the top-level properties of a JSON object body
     */
    record Operation(String method, String path, String id, List<Field> pathParameters, List<Field> queryParameters,
            String bodyType, List<Field> bodyFields) {

        String key() {
            return method + " " + path;
        }

        boolean writes() {
            return !method.equals("GET");
        }
    }

    private OpenApiOperations() {
    }

    static List<Operation> of(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext();) {
                Map.Entry<String, JsonNode> method = methods.next();
                JsonNode operation = method.getValue();
                if (!operation.isObject() || !operation.has("responses")) {
                    continue;
                }
                List<Field> pathParameters = new ArrayList<>();
                List<Field> queryParameters = new ArrayList<>();
                for (JsonNode parameter : operation.path("parameters")) {
                    JsonNode schema = resolve(document, parameter.path("schema"));
                    Field field = new Field(parameter.path("name").asText(), schema.path("type").asText("string"),
                            schema.path("format").asText(null));
                    if ("path".equals(parameter.path("in").asText())) {
                        pathParameters.add(field);
                    } else if ("query".equals(parameter.path("in").asText())) {
                        queryParameters.add(field);
                    }
                }
                String bodyType = null;
                List<Field> bodyFields = new ArrayList<>();
                JsonNode content = operation.path("requestBody").path("content");
                if (content.fieldNames().hasNext()) {
                    bodyType = content.fieldNames().next();
                    JsonNode schema = resolve(document, content.path(bodyType).path("schema"));
                    for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties")
                            .fields(); properties.hasNext();) {
                        Map.Entry<String, JsonNode> property = properties.next();
                        JsonNode type = resolve(document, property.getValue());
                        bodyFields.add(new Field(property.getKey(), type.path("type").asText("object"),
                                type.path("format").asText(null)));
                    }
                }
                operations.add(new Operation(method.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(),
                        operation.path("operationId").asText(method.getKey() + " " + path.getKey()), pathParameters,
                        queryParameters, bodyType, bodyFields));
            }
        }
        return operations;
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        String ref = schema.path("$ref").asText(null);
        if (ref == null || !ref.startsWith("#/")) {
            return schema;
        }
        JsonNode target = document;
        for (String part : ref.substring(2).split("/")) {
            target = target.path(part);
        }
        return target;
    }

    /** How many operations each path prefix has: for the printed figures. */
    static Map<String, Integer> byFirstSegment(List<Operation> operations) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        operations.forEach(op -> counts.merge(op.path().split("/").length > 1 ? op.path().split("/")[1] : "/", 1,
                Integer::sum));
        return counts;
    }
}
