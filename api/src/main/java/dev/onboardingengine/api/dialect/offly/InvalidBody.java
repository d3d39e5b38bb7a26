package dev.onboardingengine.api.dialect.offly;

import java.util.List;

import dev.onboardingengine.api.problem.InvalidInput;

/** Body fields refused under the names the client wrote them (no renaming from NewHire's names): a 422. */
class InvalidBody extends InvalidInput {

    InvalidBody(List<Violation> violations) {
        super(violations);
    }
}
