package dev.onboardingengine.api.people;

/** An archived person is read-only: kept for history, changes go to current people. */
public class PersonArchived extends RuntimeException {

    private final transient Object given;

    public PersonArchived(PersonRef person) {
        super("User " + person.given() + " is archived and cannot be changed");
        this.given = person.given();
    }

    /** The request's own spelling of the person. */
    public Object given() {
        return given;
    }
}
