package dev.onboardingengine.api.dialect.workelo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.onboardingengine.api.auth.Access;
import dev.onboardingengine.api.dialect.workelo.WorkeloBodies.EmployeeRequest;
import dev.onboardingengine.api.directory.EmployeeProfile;
import dev.onboardingengine.api.directory.EmployeeRole;
import dev.onboardingengine.api.hire.EmployeeChange;
import dev.onboardingengine.api.hire.InvalidHire;
import dev.onboardingengine.api.hire.NewHire;
import dev.onboardingengine.api.hire.ReferenceReach;
import dev.onboardingengine.api.people.Enrolment;
import dev.onboardingengine.api.people.PersonChange;
import dev.onboardingengine.api.people.PersonRef;

/**
 * Workelo's employee into the domain: a create becomes an {@link Enrolment}, a {@code PUT} a
 * {@link PersonChange}, each carrying what only this dialect can find wrong (a user role id it does not
 * define, a buddy or manager the caller may not reach). Workelo keeps no profile fields; its
 * identification fields have routes of their own.
 */
@Component
class WorkeloTranslation {

    private final ReferenceReach references;

    WorkeloTranslation(ReferenceReach references) {
        this.references = references;
    }

    /** A create without {@code user_role_id} adds a colleague: only a new hire gets a journey. */
    Enrolment enrolment(EmployeeRequest request, Access rights) {
        Optional<EmployeeRole> role = request.userRoleId() == null
                ? Optional.of(EmployeeRole.COLLEAGUE)
                : roleOf(request.userRoleId());
        NewHire hire = NewHire.builder().firstName(request.firstName()).lastName(request.lastName())
                .email(request.email()).role(role.orElse(null)).phone(request.phone()).position(request.jobPosition())
                .language(request.language()).startDay(request.startDate()).buddyId(request.buddyId())
                .managerId(request.managerId()).timeZone(request.timeZone()).externalId(request.externalId())
                .unitOrganizationId(request.unitOrganizationId()).build();
        List<InvalidHire.Violation> own = hiddenReferences(request, rights);
        if (role.isEmpty()) {
            own.add(new InvalidHire.Violation("role", "unknown_reference", request.userRoleId()));
        }
        return new Enrolment(hire, EmployeeProfile.EMPTY, List.of(), own);
    }

    /** The fields given change; an absent (or null) field keeps its value, a {@code PUT} of {@code {}} changes nothing. */
    PersonChange change(long id, EmployeeRequest request, Access rights) {
        List<InvalidHire.Violation> own = hiddenReferences(request, rights);
        EmployeeRole role = null;
        if (request.userRoleId() != null) {
            Optional<EmployeeRole> named = roleOf(request.userRoleId());
            if (named.isEmpty()) {
                // Reported alone, as this route always answered it: an unknown role refuses the change outright.
                own = new ArrayList<>(List.of(new InvalidHire.Violation("role", "unknown_reference",
                        request.userRoleId())));
            }
            role = named.orElse(null);
        }
        EmployeeChange change = new EmployeeChange(request.firstName(), request.lastName(), request.email(), role,
                request.phone(), request.jobPosition(), request.language(), request.startDate(), request.buddyId(),
                request.managerId(), request.timeZone(), request.externalId(), request.unitOrganizationId());
        return new PersonChange(PersonRef.byId(id, id), change, Set.of(), Map.of(), own);
    }

    private List<InvalidHire.Violation> hiddenReferences(EmployeeRequest request, Access rights) {
        // A person out of reach is refused as an absent one: the answer tells nothing about other units.
        return new ArrayList<>(references.hidden(rights.reach(),
                new ReferenceReach.Named("buddyId", request.buddyId()),
                new ReferenceReach.Named("managerId", request.managerId())));
    }

    private static Optional<EmployeeRole> roleOf(long userRoleId) {
        return WorkeloRole.withId(userRoleId).map(known -> known.role);
    }
}
