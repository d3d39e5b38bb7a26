package dev.onboardingengine.api.paperwork;

import java.util.Arrays;
import java.util.Optional;

/** The kind of value a paperwork holds, from the Camunda Forms component that defines it. */
public enum ResourceType {
    TEXT("text"), DATE("date"), SELECTION("selection"), FILE("file");

    private final String wireName;

    ResourceType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ResourceType> fromWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
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
