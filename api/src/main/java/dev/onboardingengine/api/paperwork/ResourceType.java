package dev.onboardingengine.api.paperwork;

import java.util.Optional;

/** The kind of value a paperwork holds, from the Camunda Forms component that defines it. */
public enum ResourceType {
    TEXT, DATE, SELECTION, FILE;

    public String wireName() {
        return WireNames.of(this);
    }

    public static Optional<ResourceType> fromWireName(String name) {
        return WireNames.parse(values(), name);
    }

    /**
     * textfield, textarea and number hold text; datetime a date; select and radio one option of a list;
     * filepicker a file. Any other component with a key holds text.
     */
    static ResourceType ofComponent(String componentType, String subtype) {
        return switch (componentType == null ? "" : componentType) {
            case "datetime" -> "time".equals(subtype) ? TEXT : DATE;
            case "select", "radio" -> SELECTION;
            case "filepicker" -> FILE;
            default -> TEXT;
        };
    }
}
