package dev.onboardingengine.api.dialect.workelo;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.onboardingengine.api.auth.Access;
import dev.onboardingengine.api.auth.Caller;
import dev.onboardingengine.api.auth.DirectoryAccess;
import dev.onboardingengine.api.dialect.workelo.WorkeloBodies.EmployeeRequest;
import dev.onboardingengine.api.dialect.workelo.WorkeloBodies.EmployeeResponse;
import dev.onboardingengine.api.dialect.workelo.WorkeloBodies.IdentificationRequest;
import dev.onboardingengine.api.dialect.workelo.WorkeloBodies.IdentificationResourceResponse;
import dev.onboardingengine.api.dialect.workelo.WorkeloBodies.IdentificationResponse;
import dev.onboardingengine.api.dialect.workelo.WorkeloBodies.UserRoleResponse;
import dev.onboardingengine.api.directory.DirectoryEntry;
import dev.onboardingengine.api.directory.Employee;
import dev.onboardingengine.api.directory.EmployeeNotFound;
import dev.onboardingengine.api.directory.EmployeeQuery;
import dev.onboardingengine.api.directory.EmployeeRole;
import dev.onboardingengine.api.directory.Employees;
import dev.onboardingengine.api.directory.Identifications;
import dev.onboardingengine.api.people.PersonChanges;
import dev.onboardingengine.api.people.PersonEnrolment;
import dev.onboardingengine.api.problem.InvalidInput;
import dev.onboardingengine.workflow.journey.ConflictRetry;

/**
 * Workelo's employee directory (guide section 1): user roles, employees, identification fields.
 * Creating and changing an employee go through the people services like every dialect's
 * ({@link WorkeloTranslation} in, {@link EmployeeResponse} out); a person created with the new_hire
 * role gets an onboarding journey, anyone else is only written to the directory.
 */
@RestController
class WorkeloDirectoryController {

    private final Employees employees;
    private final PersonEnrolment enrolment;
    private final PersonChanges changes;
    private final WorkeloTranslation translation;
    private final Identifications identifications;
    private final DirectoryAccess access;

    /** Changes that lose a race with the journey's own steps run again (whole transactions). */
    private final ConflictRetry retry;

    WorkeloDirectoryController(Employees employees, PersonEnrolment enrolment, PersonChanges changes,
            WorkeloTranslation translation, Identifications identifications, DirectoryAccess access,
            ConflictRetry retry) {
        this.retry = retry;
        this.employees = employees;
        this.enrolment = enrolment;
        this.changes = changes;
        this.translation = translation;
        this.identifications = identifications;
        this.access = access;
    }

    @GetMapping("/user_roles")
    List<UserRoleResponse> userRoles(Caller caller) {
        access.of(caller).requireRead();
        return Arrays.stream(WorkeloRole.values()).map(UserRoleResponse::of).toList();
    }

    @GetMapping("/identification_resources")
    List<IdentificationResourceResponse> identificationResources(Caller caller) {
        access.of(caller).requireRead();
        return identifications.resources().stream().map(IdentificationResourceResponse::of).toList();
    }

    /** Filters: role (code or id), external_id, unit_organization_id; limit/offset paging. */
    @GetMapping("/employees")
    ResponseEntity<List<EmployeeResponse>> employees(Caller caller,
            @RequestParam(required = false) String role,
            @RequestParam(name = "external_id", required = false) String externalId,
            @RequestParam(name = "unit_organization_id", required = false) Long unitOrganizationId,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String offset) {
        Access rights = access.of(caller);
        rights.requireRead();
        Paging paging = Paging.of(limit, offset);
        Set<EmployeeRole> roles = role == null
                ? Set.of()
                : Set.of(WorkeloRole.named(role)
                        .orElseThrow(() -> InvalidInput.of("role", "invalid_choice", role)).role);
        EmployeeQuery query = new EmployeeQuery(roles, externalId, unitOrganizationId);
        List<EmployeeResponse> page = employees.search(query, rights.reach(), paging.limit(), paging.offset()).stream()
                .map(employee -> EmployeeResponse.of(employee, null)).toList();
        return ResponseEntity.ok().headers(paging.headers(employees.count(query, rights.reach()))).body(page);
    }

    @GetMapping("/employees/{id}")
    EmployeeResponse employee(Caller caller, @PathVariable long id) {
        Employee employee = access.of(caller).visible(find(id));
        return EmployeeResponse.of(employee, identifications.of(id));
    }

    @PostMapping(path = "/employees", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    EmployeeResponse create(Caller caller, @RequestBody EmployeeRequest request) {
        Access rights = access.of(caller);
        return EmployeeResponse.of(enrolment.enrol(translation.enrolment(request, rights), rights).employee(),
                List.of());
    }

    @PutMapping(path = "/employees/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    EmployeeResponse update(Caller caller, @PathVariable long id, @RequestBody EmployeeRequest request) {
        DirectoryEntry changed = retry.run(() -> {
            Access rights = access.of(caller);
            return changes.change(translation.change(id, request, rights), rights);
        });
        return EmployeeResponse.of(changed.employee(), identifications.of(id));
    }

    /** Sets one identification field; posting a field the employee already has replaces its value (200). */
    @PostMapping(path = "/employees/{id}/identifications", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<IdentificationResponse> identify(Caller caller, @PathVariable long id,
            @RequestBody IdentificationRequest request) {
        access.of(caller).changeable(find(id));
        Identifications.Stored stored = identifications.set(id, request.identificationResourceId(), request.value(),
                caller.employeeId());
        return ResponseEntity.status(stored.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(IdentificationResponse.of(stored.identification()));
    }

    @GetMapping("/employees/{id}/identifications")
    List<IdentificationResponse> identificationsOf(Caller caller, @PathVariable long id) {
        access.of(caller).visible(find(id));
        return identifications.of(id).stream().map(IdentificationResponse::of).toList();
    }

    private Employee find(long id) {
        return employees.find(id).orElseThrow(() -> new EmployeeNotFound(id));
    }
}
