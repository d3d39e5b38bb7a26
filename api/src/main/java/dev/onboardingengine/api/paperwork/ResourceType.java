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

    /** The custom property (form-js "properties") that marks a component as a file the owner uploads. */
    static final String PAPERWORK_PROPERTY = "onboarding.paperwork";

    /**
     * textfield, textarea and number hold text; datetime a date; select and radio one option of a list;
     * a component whose custom property {@code onboarding.paperwork} is {@code file} a file, uploaded on the
     * owner's page (the Tasklist of Camunda 7.24 cannot render form-js's filepicker, so shipped forms mark a
     * disabled textfield instead; a filepicker deployed before that still reads as a file). Any other
     * component with a key holds text.
     */
    static ResourceType ofComponent(String componentType, String subtype, String paperwork) {
        if ("file".equals(paperwork)) {
            return FILE;
        }
        return switch (componentType == null ? "" : componentType) {
            case "datetime" -> "time".equals(subtype) ? TEXT : DATE;
            case "select", "radio" -> SELECTION;
            case "filepicker" -> FILE;
            default -> TEXT;
        };
    }
}
