package dev.onboardingengine.api.dialect.bridge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/** The bodies of Bridge's admin users API, as its reference names them. */
final class BridgeBodies {

    private BridgeBodies() {
    }

    /**
     * {@code POST /api/admin/users}: entries stay JSON until the first is read, so that a string (the
     * documentation's {@code "{API::UserRequest}"} placeholder) gets its own clear answer.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @io.swagger.v3.oas.annotations.media.Schema(name = "BridgeUsersCreate")
    record AddUsersRequest(
            @JsonProperty("users") @io.swagger.v3.oas.annotations.media.ArraySchema(schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = UserRequest.class)) List<JsonNode> users) {
    }

    /** Bridge's UserRequest. {@code manager_id} is an id or {@code uid:<uid>}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @io.swagger.v3.oas.annotations.media.Schema(name = "BridgeUserCreate")
    record UserRequest(
            @JsonProperty("uid") String uid,
            @JsonProperty("first_name") String firstName,
            @JsonProperty("last_name") String lastName,
            @JsonProperty("full_name") String fullName,
            @JsonProperty("sortable_name") String sortableName,
            @JsonProperty("email") String email,
            @JsonProperty("locale") String locale,
            @JsonProperty("manager_id") String managerId,
            @JsonProperty("hire_date") LocalDate hireDate,
            @JsonProperty("job_title") String jobTitle,
            @JsonProperty("department") String department,
            @JsonProperty("hris_id") String hrisId,
            @JsonProperty("custom_fields") List<CustomField> customFields) {
    }

    /**
     * A value for a custom field, which must exist before: the custom fields are the identification
     * fields of the directory (Workelo's {@code GET /identification_resources}), named by id or code.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @io.swagger.v3.oas.annotations.media.Schema(name = "BridgeCustomField")
    record CustomField(@JsonProperty("id") String id, @JsonProperty("name") String name,
            @JsonProperty("value") String value) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @io.swagger.v3.oas.annotations.media.Schema(name = "BridgeUsers")
    record UsersResponse(@JsonProperty("meta") Map<String, Object> meta,
            @JsonProperty("linked") Map<String, Object> linked,
            @JsonProperty("users") List<UserResponse> users) {
    }

    /**
     * The user object of the seed's example response, with the fields Bridge's API documentation adds to
     * it ({@code bio}, {@code updated_at}, {@code unsubscribed}, {@code job_title}). The engine keeps no
     * biography and sends no marketing mail: {@code bio} is null and {@code unsubscribed} false.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @io.swagger.v3.oas.annotations.media.Schema(name = "BridgeUser")
    record UserResponse(
            @JsonProperty("id") long id,
            @JsonProperty("uid") String uid,
            @JsonProperty("first_name") String firstName,
            @JsonProperty("last_name") String lastName,
            @JsonProperty("email") String email,
            @JsonProperty("locale") String locale,
            @JsonProperty("roles") List<String> roles,
            @JsonProperty("name") String name,
            @JsonProperty("avatar_url") String avatarUrl,
            @JsonProperty("deleted_at") Instant deletedAt,
            @JsonProperty("hire_date") LocalDate hireDate,
            @JsonProperty("links") List<Object> links,
            @JsonProperty("meta") Map<String, Object> meta,
            @JsonProperty("bio") String bio,
            @JsonProperty("updated_at") Instant updatedAt,
            @JsonProperty("unsubscribed") boolean unsubscribed,
            @JsonProperty("job_title") String jobTitle) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "BridgeSummaryResponse")
    record SummaryResponse(@JsonProperty("summary") Summary summary) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "BridgeSummary")
    record Summary(
            @JsonProperty("completed_courses") long completedCourses,
            @JsonProperty("completed_programs") long completedPrograms,
            @JsonProperty("completed_live_courses") long completedLiveCourses,
            @JsonProperty("total_on_time") long totalOnTime,
            @JsonProperty("total_overdue") long totalOverdue) {
    }
}
