package dev.onboardingengine.api.dialect.offly;

import java.util.UUID;

import dev.onboardingengine.api.problem.ResourceNotFound;

/** No user with this UUID, or one the caller may not see, or one that was hidden. */
class OfflyUserNotFound extends ResourceNotFound {

    OfflyUserNotFound(UUID id) {
        super("No user with id " + id);
    }
}
