package dev.onboardingengine.api.dialect.chiefonboarding;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body of ChiefOnboarding's {@code POST /api/users/}, field for field. */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(name = "ChiefOnboardingUserCreate", description = "back/api/serializers.py UserSerializer; first_name, "
        + "last_name, email and role are required (docs/api.md)")
record CreateUserRequest(
        @JsonProperty("first_name") String firstName,
        @JsonProperty("last_name") String lastName,
        @JsonProperty("email") String email,
        @JsonProperty("phone") String phone,
        @JsonProperty("position") String position,
        @JsonProperty("language") String language,
        @JsonProperty("message") String message,
        @JsonProperty("start_day") @Schema(type = "string", example = "2020-12-04", description = "Django's parse_date: also 2020-12-4, 20201204, 2020-W49-5") @JsonDeserialize(using = DjangoDate.class) LocalDate startDay,
        @JsonProperty("buddy") Long buddy,
        @JsonProperty("manager") Long manager,
        @JsonProperty("timezone") String timezone,
        @JsonProperty("sequences") List<Long> sequences,
        @JsonProperty("role") @Schema(allowableValues = {
                "0", "1", "2", "3"}, description = "0 new hire, 1 administrator, 2 manager, 3 other") Integer role) {

    /** An empty body, which Django REST framework reads as {@code {}}. */
    static final CreateUserRequest EMPTY = new CreateUserRequest(null, null, null, null, null, null, null, null, null,
            null, null, null, null);
}
