package dev.onboardingengine.api.dialect.chiefonboarding;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.onboardingengine.api.directory.Employee;

import io.swagger.v3.oas.annotations.media.Schema;

/** An entry of ChiefOnboarding's {@code GET /api/employees/}. */
@Schema(name = "ChiefOnboardingEmployee", description = "back/api/serializers.py EmployeeSerializer")
record EmployeeSummary(
        @JsonProperty("id") long id,
        @JsonProperty("first_name") String firstName,
        @JsonProperty("last_name") String lastName,
        @JsonProperty("email") String email) {

    static EmployeeSummary of(Employee employee) {
        return new EmployeeSummary(employee.id(), employee.firstName(), employee.lastName(), employee.email());
    }
}
