package dev.onboardingengine.api.people;

import dev.onboardingengine.api.problem.AccessDenied;

/** A caller tried to delete or hide themselves: 403, in each dialect's words ({@link #removal}). */
public class CannotRemoveSelf extends AccessDenied {

    /** What the caller tried. */
    public enum Removal {
        DELETE, HIDE
    }

    private final Removal removal;

    public CannotRemoveSelf(Removal removal) {
        super(removal == Removal.DELETE ? "You cannot archive yourself." : "You cannot hide yourself.");
        this.removal = removal;
    }

    public Removal removal() {
        return removal;
    }
}
