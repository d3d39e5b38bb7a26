package dev.onboardingengine.api.dialect.chiefonboarding;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.onboardingengine.api.auth.Access;
import dev.onboardingengine.api.directory.EmployeeProfile;
import dev.onboardingengine.api.directory.EmployeeRole;
import dev.onboardingengine.api.hire.InvalidHire;
import dev.onboardingengine.api.hire.NewHire;
import dev.onboardingengine.api.hire.ReferenceReach;
import dev.onboardingengine.api.people.Enrolment;

/**
 * ChiefOnboarding's user into the domain: a {@code POST /api/users/} body becomes an {@link Enrolment}
 * carrying what only this dialect can find wrong (a role number it does not define, a buddy or manager
 * the caller may not reach). ChiefOnboarding has no units and no profile fields of its own.
 */
@Component
class ChiefOnboardingTranslation {

    private final ReferenceReach references;

    ChiefOnboardingTranslation(ReferenceReach references) {
        this.references = references;
    }

    Enrolment enrolment(CreateUserRequest request, Access rights) {
        Optional<EmployeeRole> role = Optional.ofNullable(request.role()).flatMap(ChiefOnboardingRoles::roleOf);
        NewHire hire = NewHire.builder().firstName(request.firstName()).lastName(request.lastName())
                .email(request.email()).role(role.orElse(null)).phone(request.phone()).position(request.position())
                .language(request.language()).message(request.message()).startDay(request.startDay())
                .buddyId(request.buddy()).managerId(request.manager()).timeZone(request.timezone())
                .sequenceIds(request.sequences()).build();
        // A person out of reach is refused as an absent one: the answer tells nothing about other units.
        List<InvalidHire.Violation> own = new ArrayList<>(references.hidden(rights.reach(),
                new ReferenceReach.Named("buddyId", request.buddy()),
                new ReferenceReach.Named("managerId", request.manager())));
        if (request.role() != null && role.isEmpty()) {
            own.add(new InvalidHire.Violation("role", "invalid_choice", request.role()));
        }
        return new Enrolment(hire, EmployeeProfile.EMPTY, List.of(), own);
    }
}
