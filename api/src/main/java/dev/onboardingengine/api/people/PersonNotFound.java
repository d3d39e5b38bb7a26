package dev.onboardingengine.api.people;

import dev.onboardingengine.api.problem.ResourceNotFound;

/** No one by this name, or a hidden person: each dialect says it in its own words ({@link #given}). */
public class PersonNotFound extends ResourceNotFound {

    private final transient Object given;

    public PersonNotFound(PersonRef person) {
        super("No user " + person.given());
        this.given = person.given();
    }

    /** The request's own spelling of the person. */
    public Object given() {
        return given;
    }
}
