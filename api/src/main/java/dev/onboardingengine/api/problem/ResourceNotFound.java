package dev.onboardingengine.api.problem;

/**
 * Something the caller asked for by id is not there, or is outside what the caller may see: both
 * answer 404, so that a scoped caller cannot learn which ids exist elsewhere.
 */
public abstract class ResourceNotFound extends RuntimeException {

    protected ResourceNotFound(String message) {
        super(message);
    }
}
