package dev.onboardingengine.api.paperwork;

import dev.onboardingengine.api.problem.ResourceNotFound;

public class PaperworkNotFound extends ResourceNotFound {

    public PaperworkNotFound(long id) {
        super("No paperwork " + id);
    }
}
