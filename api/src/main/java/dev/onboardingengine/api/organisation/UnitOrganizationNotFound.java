package dev.onboardingengine.api.organisation;

import dev.onboardingengine.api.problem.ResourceNotFound;

public class UnitOrganizationNotFound extends ResourceNotFound {

    public UnitOrganizationNotFound(long id) {
        super("No unit organization with id " + id);
    }
}
