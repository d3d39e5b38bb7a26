package dev.onboardingengine.api.paperwork;

import dev.onboardingengine.api.problem.ResourceNotFound;

public class FormNotFound extends ResourceNotFound {

    public FormNotFound(long id) {
        super("No form " + id);
    }
}
