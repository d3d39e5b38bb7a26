package dev.onboardingengine.api.dialect.workelo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;

import dev.onboardingengine.api.audit.AuditEntry;
import dev.onboardingengine.api.directory.Employee;
import dev.onboardingengine.api.directory.Identification;
import dev.onboardingengine.api.directory.IdentificationResource;
import dev.onboardingengine.api.organisation.LevelOrganization;
import dev.onboardingengine.api.organisation.Scope;
import dev.onboardingengine.api.organisation.UnitOrganization;

/** The request and response bodies of the Workelo dialect, with Workelo's snake_case field names. */
final class WorkeloBodies {

    private WorkeloBodies() {
    }

    /** POST /employees and PUT /employees/{id}; on PUT an absent or null field is left unchanged. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record EmployeeRequest(
            @JsonProperty("first_name") String firstName,
            @JsonProperty("last_name") String lastName,
            @JsonProperty("email") String email,
            @JsonProperty("job_position") String jobPosition,
            @JsonProperty("external_id") String externalId,
            @JsonProperty("unit_organization_id") Long unitOrganizationId,
            @JsonProperty("user_role_id") Long userRoleId,
            @JsonProperty("start_date") LocalDate startDate,
            @JsonProperty("time_zone") String timeZone,
            @JsonProperty("language") String language,
            @JsonProperty("manager_id") Long managerId,
            @JsonProperty("buddy_id") Long buddyId,
            @JsonProperty("phone") String phone) {
    }

    record EmployeeResponse(
            long id,
            UUID uuid,
            @JsonProperty("external_id") String externalId,
            @JsonProperty("first_name") String firstName,
            @JsonProperty("last_name") String lastName,
            String email,
            @JsonProperty("job_position") String jobPosition,
            String phone,
            @JsonProperty("user_role_id") long userRoleId,
            @JsonProperty("user_role") String userRole,
            @JsonProperty("unit_organization_id") Long unitOrganizationId,
            @JsonProperty("start_date") LocalDate startDate,
            @JsonProperty("time_zone") String timeZone,
            String language,
            @JsonProperty("manager_id") Long managerId,
            @JsonProperty("buddy_id") Long buddyId,
            @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("updated_at") Instant updatedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<IdentificationResponse> identifications) {

        static EmployeeResponse of(Employee employee, List<Identification> identifications) {
            WorkeloRole role = WorkeloRole.of(employee.role());
            return new EmployeeResponse(employee.id(), employee.uuid(), employee.externalId(), employee.firstName(),
                    employee.lastName(), employee.email(), employee.position(), employee.phone(), role.id, role.code,
                    employee.unitOrganizationId(), employee.startDay(), employee.timeZone(), employee.language(),
                    employee.managerId(), employee.buddyId(), employee.createdAt(), employee.updatedAt(),
                    identifications == null ? null : identifications.stream().map(IdentificationResponse::of).toList());
        }
    }

    record UserRoleResponse(long id, String name, String label, List<String> permissions) {

        static UserRoleResponse of(WorkeloRole role) {
            return new UserRoleResponse(role.id, role.code, role.label, role.permissions);
        }
    }

    record LevelResponse(long id, String name, int position) {

        static LevelResponse of(LevelOrganization level) {
            return new LevelResponse(level.id(), level.name(), level.position());
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record UnitRequest(
            @JsonProperty("external_id") String externalId,
            @JsonProperty("name") String name,
            @JsonProperty("level_organization_id") Long levelOrganizationId,
            @JsonProperty("parent_id") Long parentId,
            @JsonProperty("language") String language) {
    }

    record UnitResponse(
            long id,
            @JsonProperty("external_id") String externalId,
            String name,
            @JsonProperty("level_organization_id") long levelOrganizationId,
            @JsonProperty("parent_id") Long parentId,
            String language,
            @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("updated_at") Instant updatedAt) {

        static UnitResponse of(UnitOrganization unit) {
            return new UnitResponse(unit.id(), unit.externalId(), unit.name(), unit.levelOrganizationId(),
                    unit.parentId(), unit.language(), unit.createdAt(), unit.updatedAt());
        }
    }

    record IdentificationResourceResponse(long id, String code, String name) {

        static IdentificationResourceResponse of(IdentificationResource resource) {
            return new IdentificationResourceResponse(resource.id(), resource.code(), resource.name());
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record IdentificationRequest(
            @JsonProperty("identification_resource_id") Long identificationResourceId,
            @JsonProperty("value") String value) {
    }

    record IdentificationResponse(
            long id,
            @JsonProperty("employee_id") long employeeId,
            @JsonProperty("identification_resource_id") long identificationResourceId,
            String value,
            @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("updated_at") Instant updatedAt) {

        static IdentificationResponse of(Identification identification) {
            return new IdentificationResponse(identification.id(), identification.employeeId(),
                    identification.identificationResourceId(), identification.value(), identification.createdAt(),
                    identification.updatedAt());
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ScopeRequest(@JsonProperty("unit_organization_id") Long unitOrganizationId) {
    }

    record ScopeResponse(
            long id,
            @JsonProperty("employee_id") long employeeId,
            @JsonProperty("unit_organization_id") long unitOrganizationId,
            @JsonProperty("created_at") Instant createdAt) {

        static ScopeResponse of(Scope scope) {
            return new ScopeResponse(scope.id(), scope.employeeId(), scope.unitOrganizationId(), scope.createdAt());
        }
    }

    /** An audit entry; before and after are the changed fields as JSON objects, null when not applicable. */
    record LogResponse(
            UUID uuid,
            String event,
            @JsonProperty("actor_id") Long actorId,
            @JsonProperty("subject_type") String subjectType,
            @JsonProperty("subject_id") String subjectId,
            String summary,
            @JsonRawValue String before,
            @JsonRawValue String after,
            @JsonProperty("occurred_at") Instant occurredAt) {

        static LogResponse of(AuditEntry entry) {
            return new LogResponse(entry.uuid(), entry.event(), entry.actorId(), entry.subjectType(), entry.subjectId(),
                    entry.summary(), entry.before(), entry.after(), entry.occurredAt());
        }
    }
}
