package dev.onboardingengine.api.openapi;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springdoc.core.customizers.OpenApiCustomizer;

import dev.onboardingengine.api.auth.WorkeloRoutes;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * The error bodies of each dialect in {@code /v3/api-docs}, which springdoc cannot see (they are made by
 * the dialects' advice and by {@code problem.ErrorDialect}, not returned by the handlers):
 * ChiefOnboarding's routes answer Django REST framework's {@code application/json} bodies
 * ({@code DrfFieldErrors}, {@code DrfNonFieldErrors}, {@code DrfDetail}); Workelo's, Bridge's and the
 * engine's own routes the RFC 7807 problem with one member per bad field ({@code FieldProblem}); Offly's
 * routes describe their {@code OfflyError} envelope on the controller and are left as they are. A status
 * an operation already describes is kept.
 */
final class DialectErrorBodies implements OpenApiCustomizer {

    static final String DRF_FIELD_ERRORS = "DrfFieldErrors";
    static final String DRF_NON_FIELD_ERRORS = "DrfNonFieldErrors";
    static final String DRF_DETAIL = "DrfDetail";
    static final String FIELD_PROBLEM = "FieldProblem";

    private static final Pattern CHIEF_ONBOARDING = Pattern.compile("/api/(users|employees|sequences)(/.*)?");
    private static final Pattern OFFLY = Pattern.compile("/api/v1/users(/.*)?");
    private static final Pattern BRIDGE = Pattern.compile("/api/admin/users(/.*)?");

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        Components components = openApi.getComponents();
        components.addSchemas(DRF_FIELD_ERRORS, drfFieldErrors());
        components.addSchemas(DRF_NON_FIELD_ERRORS, new ObjectSchema()
                .description("Django REST framework: an error of the body as a whole (NON_FIELD_ERRORS_KEY)")
                .addProperty("non_field_errors", new ArraySchema().items(new StringSchema()))
                .required(List.of("non_field_errors"))
                .example(Map.of("non_field_errors", List.of("Invalid data. Expected a dictionary, but got list."))));
        components.addSchemas(DRF_DETAIL, new ObjectSchema()
                .description("Django REST framework: an error that is not about a field (401, 403, 404, 405, 406, "
                        + "415, malformed JSON), with DRF's own message")
                .addProperty("detail", new StringSchema()).required(List.of("detail"))
                .example(Map.of("detail", "Authentication credentials were not provided.")));
        components.addSchemas(FIELD_PROBLEM, fieldProblem());
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths()
                .forEach((path, item) -> item.readOperations().forEach(operation -> describe(path, operation)));
    }

    private static void describe(String path, Operation operation) {
        if (OFFLY.matcher(path).matches()) {
            return;
        }
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        if (CHIEF_ONBOARDING.matcher(path).matches()) {
            jsonFirst(operation);
            Schema<?> badRequest = new ComposedSchema().oneOf(List.of(ref(DRF_FIELD_ERRORS), ref(DRF_NON_FIELD_ERRORS),
                    ref(DRF_DETAIL)));
            add(operation, "400", "The serializer's errors by field, non_field_errors, or a JSON parse error's detail",
                    "application/json", badRequest);
            for (String status : List.of("401", "403", "404", "405", "406", "415")) {
                add(operation, status, "Django REST framework's detail", "application/json", ref(DRF_DETAIL));
            }
            return;
        }
        String problem = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
        add(operation, "400", "Invalid input: one member per bad field, each a list of messages", problem,
                ref(FIELD_PROBLEM));
        add(operation, "401", "No token, or not a valid one", problem, ref(FIELD_PROBLEM));
        add(operation, "403", "The caller's role or scopes do not allow it", problem, ref(FIELD_PROBLEM));
        add(operation, "404", "Not found, or outside the caller's reach", problem, ref(FIELD_PROBLEM));
        String unversioned = path.startsWith("/v1/") ? path.substring(3) : path;
        if (BRIDGE.matcher(path).matches() || WorkeloRoutes.isWorkelo(unversioned)) {
            add(operation, "429", "The token's rate limit is spent: Retry-After says when to try again", problem,
                    ref(FIELD_PROBLEM));
        }
    }

    /**
     * ChiefOnboarding's {@code POST /api/users/} reads JSON, form and multipart bodies with the same
     * fields (DRF's parsers): the JSON body's schema for all three, JSON first (springdoc would describe
     * the form handler's {@code MultiValueMap} parameter instead, and list it first).
     */
    private static void jsonFirst(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return;
        }
        Content content = operation.getRequestBody().getContent();
        MediaType json = content.get(org.springframework.http.MediaType.APPLICATION_JSON_VALUE);
        if (json == null) {
            return;
        }
        Content ordered = new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE, json);
        content.forEach((type, media) -> {
            if (!ordered.containsKey(type)) {
                ordered.addMediaType(type, new MediaType().schema(json.getSchema()));
            }
        });
        operation.getRequestBody().setContent(ordered);
    }

    private static void add(Operation operation, String status, String description, String mediaType,
            Schema<?> schema) {
        if (!operation.getResponses().containsKey(status)) {
            operation.getResponses().addApiResponse(status, new ApiResponse().description(description)
                    .content(new Content().addMediaType(mediaType, new MediaType().schema(schema))));
        }
    }

    private static Schema<?> ref(String name) {
        return new Schema<>().$ref("#/components/schemas/" + name);
    }

    private static Schema<?> drfFieldErrors() {
        Schema<?> messages = new ArraySchema().items(new StringSchema());
        Schema<?> byIndex = new ObjectSchema().description("a list field's items, by index")
                .additionalProperties(new ArraySchema().items(new StringSchema()));
        return new ObjectSchema()
                .description("Django REST framework: the serializer's errors, one key per bad field (ChiefOnboarding's "
                        + "names) holding its messages; a list field's bad item by its index")
                .additionalProperties(new ComposedSchema().oneOf(List.of(messages, byIndex)))
                .example(Map.of("email", List.of("This field may not be blank.")));
    }

    private static Schema<?> fieldProblem() {
        return new ObjectSchema()
                .description("RFC 7807 problem; each bad field is a member holding its messages (a field named like "
                        + "an RFC 7807 member is field:<name>)")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri"))
                .additionalProperties(new ArraySchema().items(new StringSchema()))
                .example(Map.of("type", "https://onboardingengine.dev/problems/invalid-input", "title", "Invalid input",
                        "status", 400, "detail", "unit_organization_id: no such id: 987654.",
                        "unit_organization_id", List.of("no such id: 987654.")));
    }
}
