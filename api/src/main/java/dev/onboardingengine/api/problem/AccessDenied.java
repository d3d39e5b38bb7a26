package dev.onboardingengine.api.problem;

/** The caller is known but its role (or scope) does not allow the request: 403. */
public class AccessDenied extends RuntimeException {

    public AccessDenied(String message) {
        super(message);
    }
}
