package dev.onboardingengine.api.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/**
 * A string holding the NUL character (U+0000), which no text a person writes contains and which
 * PostgreSQL cannot store ("invalid byte sequence for encoding UTF8: 0x00", a 500 after validation had
 * passed). Refused when the JSON is read, naming the field.
 */
public class NulCharacter extends InvalidFormatException {

    public NulCharacter(JsonParser parser, String value) {
        super(parser, "must not contain the NUL character", value, String.class);
    }

    public static boolean isIn(String value) {
        return value != null && value.indexOf('\u0000') >= 0;
    }

    /** The plain words every dialect answers it with. */
    public static String message() {
        return "must not contain the NUL character.";
    }
}
