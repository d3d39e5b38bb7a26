package dev.onboardingengine.api.dialect.offly;

import java.util.UUID;

/** An archived user is read-only: Offly keeps it for history, changes go to current users. */
class UserArchived extends RuntimeException {

    UserArchived(UUID id) {
        super("User " + id + " is archived and cannot be changed");
    }
}
