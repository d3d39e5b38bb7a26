package dev.onboardingengine.api.hire.intake;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A record of the hire-requests topic, as {@code docs/schemas/hire-request.json} documents it. Field
 * names are snake_case like the REST dialects'; ChiefOnboarding's spellings ({@code start_day},
 * {@code timezone}, {@code buddy}, {@code manager}) are accepted too. Unknown fields are ignored, so
 * senders may add their own.
 *
 * @param externalId the sender's id for the person; the record key carries it too
 * @param role {@code new_hire} (when absent), {@code admin}, {@code manager}, {@code other}, or
 *     ChiefOnboarding's numbers 0-3
 * @param sequences sequence ids (numbers) or process keys (strings, {@code sequence-it-equipment})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record HireRequest(
        @JsonProperty("external_id") String externalId,
        @JsonProperty("first_name") String firstName,
        @JsonProperty("last_name") String lastName,
        @JsonProperty("email") String email,
        @JsonProperty("role") JsonNode role,
        @JsonProperty("phone") String phone,
        @JsonProperty("position") String position,
        @JsonProperty("language") String language,
        @JsonProperty("message") String message,
        @JsonProperty("start_date") @JsonAlias("start_day") LocalDate startDate,
        @JsonProperty("time_zone") @JsonAlias("timezone") String timeZone,
        @JsonProperty("buddy_id") @JsonAlias("buddy") Long buddyId,
        @JsonProperty("buddy_external_id") String buddyExternalId,
        @JsonProperty("manager_id") @JsonAlias("manager") Long managerId,
        @JsonProperty("manager_external_id") String managerExternalId,
        @JsonProperty("sequences") List<JsonNode> sequences) {
}
