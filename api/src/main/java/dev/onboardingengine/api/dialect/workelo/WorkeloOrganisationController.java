package dev.onboardingengine.api.dialect.workelo;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.onboardingengine.api.auth.Caller;
import dev.onboardingengine.api.auth.DirectoryAccess;
import dev.onboardingengine.api.auth.OrganisationPolicy;
import dev.onboardingengine.api.dialect.workelo.WorkeloBodies.LevelResponse;
import dev.onboardingengine.api.dialect.workelo.WorkeloBodies.ScopeRequest;
import dev.onboardingengine.api.dialect.workelo.WorkeloBodies.ScopeResponse;
import dev.onboardingengine.api.dialect.workelo.WorkeloBodies.UnitRequest;
import dev.onboardingengine.api.dialect.workelo.WorkeloBodies.UnitResponse;
import dev.onboardingengine.api.directory.Employee;
import dev.onboardingengine.api.directory.EmployeeNotFound;
import dev.onboardingengine.api.directory.Employees;
import dev.onboardingengine.api.organisation.Organisations;
import dev.onboardingengine.api.organisation.Scopes;
import dev.onboardingengine.api.organisation.UnitChange;
import dev.onboardingengine.api.organisation.UnitOrganizationNotFound;

/**
 * Workelo's organisational structure (guide section 2): levels, units, and employees' access scopes.
 * Anyone who may read the directory reads the tree; administrators and HR without scopes change it;
 * only administrators grant and revoke scopes, so nobody widens their own reach.
 */
@RestController
class WorkeloOrganisationController {

    private final Organisations organisations;
    private final Scopes scopes;
    private final Employees employees;
    private final DirectoryAccess access;

    WorkeloOrganisationController(Organisations organisations, Scopes scopes, Employees employees,
            DirectoryAccess access) {
        this.organisations = organisations;
        this.scopes = scopes;
        this.employees = employees;
        this.access = access;
    }

    @GetMapping("/level_organizations")
    List<LevelResponse> levels(Caller caller) {
        OrganisationPolicy.requireTreeRead(access.of(caller));
        return organisations.levels().stream().map(LevelResponse::of).toList();
    }

    @GetMapping("/unit_organizations")
    List<UnitResponse> units(Caller caller,
            @RequestParam(name = "level_organization_id", required = false) Long levelOrganizationId) {
        OrganisationPolicy.requireTreeRead(access.of(caller));
        return organisations.units(levelOrganizationId).stream().map(UnitResponse::of).toList();
    }

    @GetMapping("/unit_organizations/{id}")
    UnitResponse unit(Caller caller, @PathVariable long id) {
        OrganisationPolicy.requireTreeRead(access.of(caller));
        return UnitResponse.of(organisations.find(id).orElseThrow(() -> new UnitOrganizationNotFound(id)));
    }

    @PostMapping(path = "/unit_organizations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    UnitResponse createUnit(Caller caller, @RequestBody UnitRequest request) {
        OrganisationPolicy.requireTreeChange(access.of(caller));
        return UnitResponse.of(organisations.create(change(request), caller.employeeId()));
    }

    /** Changes the given fields; a unit cannot be moved below itself or one of its descendants. */
    @PutMapping(path = "/unit_organizations/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    UnitResponse updateUnit(Caller caller, @PathVariable long id, @RequestBody UnitRequest request) {
        OrganisationPolicy.requireTreeChange(access.of(caller));
        return UnitResponse.of(organisations.update(id, change(request), caller.employeeId()));
    }

    @GetMapping("/employees/{employeeId}/unit_organization_managements")
    List<ScopeResponse> scopesOf(Caller caller, @PathVariable long employeeId) {
        OrganisationPolicy.requireScopesRead(holder(employeeId), access.of(caller));
        return scopes.of(employeeId).stream().map(ScopeResponse::of).toList();
    }

    @PostMapping(path = "/employees/{employeeId}/unit_organization_managements", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ScopeResponse grant(Caller caller, @PathVariable long employeeId, @RequestBody ScopeRequest request) {
        OrganisationPolicy.requireGrant(holder(employeeId), access.of(caller));
        return ScopeResponse.of(scopes.grant(employeeId, request.unitOrganizationId(), caller.employeeId()));
    }

    @DeleteMapping("/unit_organization_managements/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(Caller caller, @PathVariable long id) {
        OrganisationPolicy.requireRevoke(access.of(caller));
        scopes.revoke(id, caller.employeeId());
    }

    private Employee holder(long employeeId) {
        return employees.find(employeeId).orElseThrow(() -> new EmployeeNotFound(employeeId));
    }

    private static UnitChange change(UnitRequest request) {
        return new UnitChange(request.externalId(), request.name(), request.levelOrganizationId(), request.parentId(),
                request.language());
    }
}
