package dev.onboardingengine.api.paperwork;

import java.util.Optional;

/** download: read it and say so; sign: read it and sign it (an acknowledgement recorded with who and when). */
public enum DocumentType {

    DOWNLOAD, SIGN;

    public String wireName() {
        return WireNames.of(this);
    }

    public static Optional<DocumentType> fromWireName(String name) {
        return WireNames.parse(values(), name);
    }
}
