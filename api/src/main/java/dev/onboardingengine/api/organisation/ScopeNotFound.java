package dev.onboardingengine.api.organisation;

import dev.onboardingengine.api.problem.ResourceNotFound;

public class ScopeNotFound extends ResourceNotFound {

    ScopeNotFound(long id) {
        super("No unit organization management with id " + id);
    }
}
