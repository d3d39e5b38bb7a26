package dev.onboardingengine.api.input;

/**
 * The longest value each stored string field takes, checked before any write (a longer value is a 400
 * naming the field, never the database's "value too long"). One directory serves every dialect, so a
 * person written through one is read through all: where ChiefOnboarding's models document a limit
 * (users/models.py: first and last name 200, position and phone 300) it is every dialect's limit; the
 * other products document none, and their fields keep the column's own, listed in the README's Limits
 * table. Free text without any documented limit is stored as text and has no limit here.
 */
public final class FieldLimits {

    /** ChiefOnboarding {@code User.first_name} / {@code last_name}: {@code max_length=200}. */
    public static final int NAME = 200;
    /** ChiefOnboarding {@code User.position}: {@code max_length=300}; Offly and Bridge job_title, Workelo job_position. */
    public static final int POSITION = 300;
    /** ChiefOnboarding {@code User.phone}: {@code max_length=300}; Workelo phone. */
    public static final int PHONE = 300;
    /** A BCP 47 language tag as the engine stores it (the column's width). */
    public static final int LANGUAGE = 16;
    /** An HR system's id of a person or a unit: Workelo external_id, Bridge uid and hris_id (the columns' width). */
    public static final int EXTERNAL_ID = 255;

    /** Offly public_holiday_country_code: an ISO 3166 code, of a country or a subdivision ("DE-BY"); the column's width. */
    public static final int COUNTRY_CODE = 8;

    /** The message of a Bean Validation {@code @Size} and the code of a violation: too many characters. */
    public static final String TOO_LONG = "too_long";

    private FieldLimits() {
    }

    /** True when {@code value} holds more than {@code max} characters (null is never too long). */
    public static boolean tooLong(String value, int max) {
        return value != null && value.length() > max;
    }
}
