package dev.onboardingengine.api.hire;

import java.time.LocalDate;
import java.util.List;

import dev.onboardingengine.api.directory.EmployeeRole;
import dev.onboardingengine.api.input.FieldLimits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A request to add a person, whichever dialect or topic it came from. Field names here are the ones
 * {@link InvalidHire} reports; dialects translate them to their own. Constraint messages are the
 * violation codes of {@link InvalidHire.Violation}; lengths are those of {@link FieldLimits}, and a too
 * long value is reported with its limit as the rejected value.
 *
 * @param startDay null means today in the organisation's time zone
 * @param timeZone null means the organisation's
 * @param language null means the organisation's
 * @param sequenceIds ids of the sequences to run in the journey
 * @param externalId the HR system's id of the person, unique; null when there is none
 * @param unitOrganizationId the unit of the organisation the person belongs to; null: outside the tree
 */
public record NewHire(
        @NotNull(message = "required") @Pattern(regexp = NOT_BLANK, message = "blank")
        @Size(max = FieldLimits.NAME, message = FieldLimits.TOO_LONG) String firstName,
        @NotNull(message = "required") @Pattern(regexp = NOT_BLANK, message = "blank")
        @Size(max = FieldLimits.NAME, message = FieldLimits.TOO_LONG) String lastName,
        @NotNull(message = "required") @Pattern(regexp = NOT_BLANK, message = "blank")
        @Email(regexp = "(?s)\\s*|.+@.+\\..+", message = "invalid") String email,
        @NotNull(message = "required") EmployeeRole role,
        @Size(max = FieldLimits.PHONE, message = FieldLimits.TOO_LONG) String phone,
        @Size(max = FieldLimits.POSITION, message = FieldLimits.TOO_LONG) String position,
        @Size(max = FieldLimits.LANGUAGE, message = FieldLimits.TOO_LONG) String language,
        String message,
        LocalDate startDay,
        Long buddyId,
        Long managerId,
        String timeZone,
        List<Long> sequenceIds,
        @Size(max = FieldLimits.EXTERNAL_ID, message = FieldLimits.TOO_LONG) String externalId,
        Long unitOrganizationId) {

    /** At least one character that is not white space. */
    static final String NOT_BLANK = "(?s).*\\S.*";

    public NewHire {
        sequenceIds = sequenceIds == null ? List.of() : List.copyOf(sequenceIds);
        externalId = externalId == null || externalId.isBlank() ? null : externalId.trim();
    }

    /** A hire without external id or unit, as the dialects that know neither send it. */
    public NewHire(String firstName, String lastName, String email, EmployeeRole role, String phone, String position,
            String language, String message, LocalDate startDay, Long buddyId, Long managerId, String timeZone,
            List<Long> sequenceIds) {
        this(firstName, lastName, email, role, phone, position, language, message, startDay, buddyId, managerId,
                timeZone, sequenceIds, null, null);
    }
}
