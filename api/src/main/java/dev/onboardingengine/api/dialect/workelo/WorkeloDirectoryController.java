package dev.onboardingengine.api.dialect.workelo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
import dev.onboardingengine.api.directory.Employee;
import dev.onboardingengine.api.directory.EmployeeNotFound;
import dev.onboardingengine.api.directory.EmployeeQuery;
import dev.onboardingengine.api.directory.EmployeeRole;
import dev.onboardingengine.api.directory.Employees;
import dev.onboardingengine.api.directory.Identifications;
import dev.onboardingengine.api.hire.EmployeeChange;
import dev.onboardingengine.api.hire.EmployeeEditor;
import dev.onboardingengine.api.hire.InvalidHire;
import dev.onboardingengine.api.hire.NewHire;
import dev.onboardingengine.api.hire.NewHireService;
import dev.onboardingengine.api.hire.ReferenceReach;
import dev.onboardingengine.api.problem.InvalidInput;
import dev.onboardingengine.workflow.journey.ConflictRetry;

/**
 * Workelo's employee directory (guide section 1): user roles, employees, identification fields.
 * Creating an employee goes through {@link NewHireService} like every dialect; a person created with
 * the new_hire role gets an onboarding journey, anyone else is only written to the directory.
 */
@RestController
class WorkeloDirectoryController {

    private final Employees employees;
    private final NewHireService hires;
    private final EmployeeEditor editor;
    private final Identifications identifications;
    private final DirectoryAccess access;
    private final ReferenceReach references;

    /** Changes that lose a race with the journey's own steps run again (whole transactions). */
    private final ConflictRetry retry;

    WorkeloDirectoryController(Employees employees, NewHireService hires, EmployeeEditor editor,
            Identifications identifications, DirectoryAccess access, ReferenceReach references, ConflictRetry retry) {
        this.retry = retry;
        this.references = references;
        this.employees = employees;
        this.hires = hires;
        this.editor = editor;
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
        Optional<EmployeeRole> role = request.userRoleId() == null
                ? Optional.of(EmployeeRole.COLLEAGUE)
                : WorkeloRole.withId(request.userRoleId()).map(known -> known.role);
        Access rights = access.of(caller);
        rights.requirePlacement(request.unitOrganizationId(), role.orElse(null));
        NewHire hire = NewHire.builder().firstName(request.firstName()).lastName(request.lastName())
                .email(request.email()).role(role.orElse(null)).phone(request.phone()).position(request.jobPosition())
                .language(request.language()).startDay(request.startDate()).buddyId(request.buddyId())
                .managerId(request.managerId()).timeZone(request.timeZone()).externalId(request.externalId())
                .unitOrganizationId(request.unitOrganizationId()).build();
        List<InvalidHire.Violation> own = new ArrayList<>(references.hidden(rights.reach(),
                new ReferenceReach.Named("buddyId", request.buddyId()),
                new ReferenceReach.Named("managerId", request.managerId())));
        if (role.isEmpty()) {
            own.add(new InvalidHire.Violation("role", "unknown_reference", request.userRoleId()));
        }
        if (!own.isEmpty()) {
            // An unknown role id or a person out of reach is its own mistake, reported beside every other one.
            List<InvalidHire.Violation> violations = new ArrayList<>(hires.validate(hire).stream()
                    .filter(violation -> !(violation.field().equals("role") && role.isEmpty())).toList());
            violations.addAll(own);
            throw new InvalidHire(violations);
        }
        return EmployeeResponse.of(hires.hire(hire, caller.employeeId()), List.of());
    }

    @PutMapping(path = "/employees/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    EmployeeResponse update(Caller caller, @PathVariable long id, @RequestBody EmployeeRequest request) {
        Access rights = access.of(caller);
        Employee current = rights.changeable(find(id));
        EmployeeRole role = roleOf(request.userRoleId(), current.role());
        rights.requirePlacement(request.unitOrganizationId() != null
                ? request.unitOrganizationId()
                : current.unitOrganizationId(), role == current.role() ? null : role);
        List<InvalidHire.Violation> hidden = references.hidden(rights.reach(),
                new ReferenceReach.Named("buddyId", request.buddyId()),
                new ReferenceReach.Named("managerId", request.managerId()));
        if (!hidden.isEmpty()) {
            throw new InvalidHire(hidden);
        }
        Employee changed = retry.run(() -> editor.update(id, new EmployeeChange(request.firstName(), request.lastName(),
                request.email(), role, request.phone(), request.jobPosition(), request.language(), request.startDate(),
                request.buddyId(), request.managerId(), request.timeZone(), request.externalId(),
                request.unitOrganizationId()), caller.employeeId()));
        return EmployeeResponse.of(changed, identifications.of(id));
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

    private static EmployeeRole roleOf(Long userRoleId, EmployeeRole otherwise) {
        if (userRoleId == null) {
            return otherwise;
        }
        return WorkeloRole.withId(userRoleId).map(role -> role.role)
                .orElseThrow(() -> InvalidInput.of("user_role_id", "unknown_reference", userRoleId));
    }
}
