package dev.onboardingengine.api.dialect.chiefonboarding;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.onboardingengine.api.directory.Employee;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The new hire object ChiefOnboarding documents as the answer to {@code POST /api/users/}, including
 * the id (which ChiefOnboarding itself documents but does not return).
 */
@Schema(name = "ChiefOnboardingUser")
record UserResponse(
        @JsonProperty("id") long id,
        @JsonProperty("first_name") String firstName,
        @JsonProperty("last_name") String lastName,
        @JsonProperty("email") String email,
        @JsonProperty("phone") String phone,
        @JsonProperty("position") String position,
        @JsonProperty("language") String language,
        @JsonProperty("message") String message,
        @JsonProperty("start_day") LocalDate startDay,
        @JsonProperty("buddy") Long buddy,
        @JsonProperty("manager") Long manager,
        @JsonProperty("timezone") String timezone,
        @JsonProperty("sequences") List<Long> sequences,
        @JsonProperty("role") int role) {

    static UserResponse of(Employee employee, List<Long> sequences) {
        return new UserResponse(employee.id(), employee.firstName(), employee.lastName(), employee.email(),
                nullToEmpty(employee.phone()), nullToEmpty(employee.position()), employee.language(),
                nullToEmpty(employee.message()), employee.startDay(), employee.buddyId(), employee.managerId(),
                employee.timeZone(), sequences, ChiefOnboardingRoles.codeOf(employee.role()));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
