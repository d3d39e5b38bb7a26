package dev.onboardingengine.api.directory;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields of a person that only some dialects show, by name, kept on the same employee row. The
 * directory does not know what they mean: each dialect owns its names and their form (Offly's working
 * days, Bridge's uid), and {@link DirectoryEntries#PROFILE_FIELDS} lists the names that have a place.
 *
 * @param fields name to value; a name without a value is absent
 */
public record EmployeeProfile(Map<String, String> fields) {

    public static final EmployeeProfile EMPTY = new EmployeeProfile(Map.of());

    public EmployeeProfile {
        Map<String, String> present = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (value != null) {
                present.put(name, value);
            }
        });
        fields = Collections.unmodifiableMap(present);
    }

    /** @return the value, or null when the field is absent */
    public String get(String name) {
        return fields.get(name);
    }

    /** This profile with {@code changes} applied: a null value removes the field, an absent one keeps it. */
    public EmployeeProfile with(Map<String, String> changes) {
        Map<String, String> changed = new LinkedHashMap<>(fields);
        changes.forEach((name, value) -> {
            if (value == null) {
                changed.remove(name);
            } else {
                changed.put(name, value);
            }
        });
        return new EmployeeProfile(changed);
    }
}
