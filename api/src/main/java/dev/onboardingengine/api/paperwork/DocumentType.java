package dev.onboardingengine.api.paperwork;

import java.util.Arrays;
import java.util.Optional;

/** download: read it and say so; sign: read it and sign it (an acknowledgement recorded with who and when). */
public enum DocumentType {
    DOWNLOAD("download"), SIGN("sign");

    private final String wireName;

    DocumentType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<DocumentType> fromWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }
}
