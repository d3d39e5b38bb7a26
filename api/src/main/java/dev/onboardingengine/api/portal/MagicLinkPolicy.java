package dev.onboardingengine.api.portal;

import java.util.Optional;

import dev.onboardingengine.api.auth.Access;
import dev.onboardingengine.api.directory.Employee;

/**
 * Who may be handed a magic link by whom. A link is a credential for its holder, so issuing one takes
 * the right to change them (administrators, HR within its scopes); someone the caller may not see is
 * absent, whichever way the request named them, so the answer tells nothing about other units.
 * ({@link MagicLinks#issue} keeps the link itself within the issuer's reach.)
 */
public final class MagicLinkPolicy {

    private MagicLinkPolicy() {
    }

    /**
     * @param found the person the request names, if anyone has that id, email or external id
     * @return the holder, or empty when there is no one the caller may see
     * @throws dev.onboardingengine.api.problem.AccessDenied when the caller sees the holder but may not change them
     */
    public static Optional<Employee> holder(Optional<Employee> found, Access rights) {
        return found.filter(rights::canSee).map(rights::changeable);
    }
}
