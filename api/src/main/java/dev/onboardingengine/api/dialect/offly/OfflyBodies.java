package dev.onboardingengine.api.dialect.offly;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.swagger.v3.oas.annotations.media.Schema;

/** The bodies of Offly's users API, field for field as its reference lists them. */
final class OfflyBodies {

    private OfflyBodies() {
    }

    /** {@code POST /api/v1/users}, and the values of a {@code PATCH} ({@link OfflyPatch}). */
    @Schema(name = "OfflyUserCreate")
    @JsonIgnoreProperties(ignoreUnknown = true)
    record UserRequest(
            @JsonProperty("email") String email,
            @JsonProperty("first_name") String firstName,
            @JsonProperty("last_name") String lastName,
            @JsonProperty("role") String role,
            @JsonProperty("department_id") UUID departmentId,
            @JsonProperty("manager_id") UUID managerId,
            @JsonProperty("job_title") String jobTitle,
            @JsonProperty("start_date") LocalDate startDate,
            @JsonProperty("working_days") List<String> workingDays,
            @JsonProperty("public_holiday_country_code") String publicHolidayCountryCode) {
    }

    /**
     * {@code PATCH /api/v1/users/{id}}'s schema, as the API description shows it ({@link OfflyPatch}
     * reads the body): any other field is a 422 naming it; {@code null} clears the two nullable fields.
     */
    @Schema(name = "OfflyUserPatch")
    record UserPatch(
            @JsonProperty("first_name") String firstName,
            @JsonProperty("last_name") String lastName,
            @JsonProperty("role") String role,
            @Schema(nullable = true, description = "null: no department") @JsonProperty("department_id") UUID departmentId,
            @Schema(nullable = true, description = "null: no manager") @JsonProperty("manager_id") UUID managerId,
            @JsonProperty("job_title") String jobTitle,
            @JsonProperty("start_date") LocalDate startDate,
            @JsonProperty("working_days") List<String> workingDays,
            @JsonProperty("public_holiday_country_code") String publicHolidayCountryCode) {
    }

    /** The user object every route answers with. */
    @Schema(name = "OfflyUser")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record UserResponse(
            @JsonProperty("id") UUID id,
            @JsonProperty("email") String email,
            @JsonProperty("first_name") String firstName,
            @JsonProperty("last_name") String lastName,
            @JsonProperty("role") String role,
            @JsonProperty("status") String status,
            @JsonProperty("department_id") UUID departmentId,
            @JsonProperty("manager_id") UUID managerId,
            @JsonProperty("job_title") String jobTitle,
            @JsonProperty("start_date") LocalDate startDate,
            @JsonProperty("working_days") List<String> workingDays,
            @JsonProperty("public_holiday_country_code") String publicHolidayCountryCode,
            @JsonProperty("avatar_url") String avatarUrl,
            @JsonProperty("is_active") boolean isActive,
            @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("updated_at") Instant updatedAt) {
    }

    /** Every list: {@code {"data":[...],"pagination":{"next_cursor":"...","has_more":true}}} (docs.offly.net, "Pagination"). */
    @Schema(name = "OfflyUserList")
    record UserPage(@JsonProperty("data") List<UserResponse> data, @JsonProperty("pagination") Pagination pagination) {
    }

    @Schema(name = "OfflyPagination")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Pagination(
            @Schema(description = "opaque; pass it as ?cursor= for the next page; null on the last page", nullable = true) @JsonProperty("next_cursor") String nextCursor,
            @JsonProperty("has_more") boolean hasMore) {
    }
}
