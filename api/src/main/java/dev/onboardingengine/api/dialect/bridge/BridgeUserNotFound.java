package dev.onboardingengine.api.dialect.bridge;

import dev.onboardingengine.api.problem.ResourceNotFound;

/** No user with this id or uid (or one the caller may not see, or a hidden one). */
class BridgeUserNotFound extends ResourceNotFound {

    BridgeUserNotFound(String id) {
        super("No user " + id);
    }
}
