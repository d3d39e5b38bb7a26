package dev.onboardingengine.api.dialect.workelo;

import java.time.Instant;
import java.util.Optional;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.onboardingengine.api.auth.Access;
import dev.onboardingengine.api.auth.Caller;
import dev.onboardingengine.api.auth.DirectoryAccess;
import dev.onboardingengine.api.directory.Employee;
import dev.onboardingengine.api.directory.Employees;
import dev.onboardingengine.api.portal.HolderOutOfReach;
import dev.onboardingengine.api.portal.IssuedLink;
import dev.onboardingengine.api.portal.MagicLinkPolicy;
import dev.onboardingengine.api.portal.MagicLinks;
import dev.onboardingengine.api.problem.ResourceNotFound;

/**
 * Workelo's magic links (guide section 7): a link into the employee's page, valid for two hours and
 * only while they have an active journey. Issuing one hands out a credential for someone, so it takes
 * the right to change them (admins, HR within its scopes); whoever the caller may not see is not found,
 * by id, email or external id alike. A link reaches no further than its issuer: from scoped HR it shows
 * and completes only journeys of people in its scopes, and someone who acts only in journeys outside
 * them is not found either.
 */
@RestController
class WorkeloMagicLinkController {

    private final MagicLinks links;
    private final Employees employees;
    private final DirectoryAccess access;

    WorkeloMagicLinkController(MagicLinks links, Employees employees, DirectoryAccess access) {
        this.links = links;
        this.employees = employees;
        this.access = access;
    }

    @GetMapping("/user_magic_links/{employeeId}")
    MagicLinkResponse byId(Caller caller, @PathVariable long employeeId) {
        return issue(caller, employees.find(employeeId), "id " + employeeId);
    }

    @GetMapping("/user_magic_links_by_email/{email}")
    MagicLinkResponse byEmail(Caller caller, @PathVariable String email) {
        return issue(caller, employees.findByEmail(email), "email " + email);
    }

    @GetMapping("/user_magic_links_by_external_id/{externalId}")
    MagicLinkResponse byExternalId(Caller caller, @PathVariable String externalId) {
        return issue(caller, employees.findByExternalId(externalId), "external_id " + externalId);
    }

    private MagicLinkResponse issue(Caller caller, Optional<Employee> found, String lookedUpBy) {
        Access rights = access.of(caller);
        Employee employee = MagicLinkPolicy.holder(found, rights).orElseThrow(() -> new NoSuchEmployee(lookedUpBy));
        IssuedLink link;
        try {
            link = links.issue(employee, caller.employeeId(), rights.reach());
        } catch (HolderOutOfReach outside) {
            throw new NoSuchEmployee(lookedUpBy);
        }
        return new MagicLinkResponse(employee.id(), link.url(), link.expiresAt());
    }

    record MagicLinkResponse(@JsonProperty("employee_id") long employeeId, @JsonProperty("magic_link") String magicLink,
            @JsonProperty("expires_at") Instant expiresAt) {
    }

    /** Absent, or out of the caller's reach: the same answer, naming only what the caller asked for. */
    static class NoSuchEmployee extends ResourceNotFound {

        NoSuchEmployee(String lookedUpBy) {
            super("No employee with " + lookedUpBy);
        }
    }
}
