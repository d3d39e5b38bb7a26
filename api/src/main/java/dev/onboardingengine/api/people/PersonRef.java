package dev.onboardingengine.api.people;

import java.util.UUID;

/**
 * How a request names a person: the engine's id, Offly's UUID, or a unique profile field (Bridge's
 * {@code uid:<uid>}); or nothing the directory could find. {@code given} is the request's own spelling,
 * which errors repeat.
 */
public record PersonRef(Long id, UUID uuid, String profileField, String profileValue, Object given) {

    public static PersonRef byId(long id, Object given) {
        return new PersonRef(id, null, null, null, given);
    }

    public static PersonRef byUuid(UUID uuid) {
        return new PersonRef(null, uuid, null, null, uuid);
    }

    /** @param field one of {@code DirectoryEntries.UNIQUE_PROFILE_FIELDS} */
    public static PersonRef byProfile(String field, String value, Object given) {
        return new PersonRef(null, null, field, value, given);
    }

    /** A name that cannot be anyone's (a malformed id): it is looked up as no one. */
    public static PersonRef nobody(Object given) {
        return new PersonRef(null, null, null, null, given);
    }
}
