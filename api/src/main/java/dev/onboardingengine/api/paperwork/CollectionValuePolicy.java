package dev.onboardingengine.api.paperwork;

import dev.onboardingengine.api.auth.Access;

/**
 * Who may read and change the option lists of selection fields. A list is shared by every unit's
 * forms, so reading takes the right to read the directory, and changing an option an organisation-wide
 * role (an administrator, HR without scopes): a scoped caller would change other units' forms.
 */
public final class CollectionValuePolicy {

    private CollectionValuePolicy() {
    }

    public static void requireRead(Access rights) {
        rights.requireRead();
    }

    public static void requireChange(Access rights) {
        rights.requireOrganisationWide();
    }
}
