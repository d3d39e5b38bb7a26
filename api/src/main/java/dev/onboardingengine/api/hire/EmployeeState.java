package dev.onboardingengine.api.hire;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.onboardingengine.api.directory.Employee;

/** The fields of an employee the audit trail keeps before and after a change (no secrets among them). */
final class EmployeeState {

    private EmployeeState() {
    }

    static Map<String, Object> of(Employee employee) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("external_id", employee.externalId());
        state.put("first_name", employee.firstName());
        state.put("last_name", employee.lastName());
        state.put("email", employee.email());
        state.put("role", employee.role().name());
        state.put("phone", employee.phone());
        state.put("position", employee.position());
        state.put("language", employee.language());
        state.put("start_day", employee.startDay() == null ? null : employee.startDay().toString());
        state.put("time_zone", employee.timeZone());
        state.put("buddy_id", employee.buddyId());
        state.put("manager_id", employee.managerId());
        state.put("unit_organization_id", employee.unitOrganizationId());
        return state;
    }
}
