package dev.onboardingengine.api.dialect.chiefonboarding;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/** The body of ChiefOnboarding's {@code POST /api/users/}, field for field. */
@JsonIgnoreProperties(ignoreUnknown = true)
record CreateUserRequest(
        @JsonProperty("first_name") String firstName,
        @JsonProperty("last_name") String lastName,
        @JsonProperty("email") String email,
        @JsonProperty("phone") String phone,
        @JsonProperty("position") String position,
        @JsonProperty("language") String language,
        @JsonProperty("message") String message,
        @JsonProperty("start_day") @JsonDeserialize(using = DjangoDate.class) LocalDate startDay,
        @JsonProperty("buddy") Long buddy,
        @JsonProperty("manager") Long manager,
        @JsonProperty("timezone") String timezone,
        @JsonProperty("sequences") List<Long> sequences,
        @JsonProperty("role") Integer role) {

    /** An empty body, which Django REST framework reads as {@code {}}. */
    static final CreateUserRequest EMPTY = new CreateUserRequest(null, null, null, null, null, null, null, null, null,
            null, null, null, null);
}
