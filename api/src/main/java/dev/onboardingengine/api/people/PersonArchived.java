package dev.onboardingengine.api.people;

/** An archived person is read-only: kept for history, changes go to current people. */
public class PersonArchived extends RuntimeException {

    public PersonArchived(PersonRef person) {
        super("User " + person.given() + " is archived and cannot be changed");
    }
}
