package dev.onboardingengine.api.hire;

import java.time.LocalDate;
import java.util.List;

import dev.onboardingengine.api.directory.EmployeeRole;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A request to add a person, whichever dialect or topic it came from. Field names here are the ones
 * {@link InvalidHire} reports; dialects translate them to their own. Constraint messages are the
 * violation codes of {@link InvalidHire.Violation}.
 *
 * @param startDay null means today in the organisation's time zone
 * @param timeZone null means the organisation's
 * @param language null means the organisation's
 * @param sequenceIds ids of the sequences to run in the journey
 */
public record NewHire(
        @NotNull(message = "required") @Pattern(regexp = NOT_BLANK, message = "blank") String firstName,
        @NotNull(message = "required") @Pattern(regexp = NOT_BLANK, message = "blank") String lastName,
        @NotNull(message = "required") @Pattern(regexp = NOT_BLANK, message = "blank")
        @Email(regexp = "(?s)\\s*|.+@.+\\..+", message = "invalid") String email,
        @NotNull(message = "required") EmployeeRole role,
        String phone,
        String position,
        String language,
        String message,
        LocalDate startDay,
        Long buddyId,
        Long managerId,
        String timeZone,
        List<Long> sequenceIds) {

    /** At least one character that is not white space. */
    static final String NOT_BLANK = "(?s).*\\S.*";

    public NewHire {
        sequenceIds = sequenceIds == null ? List.of() : List.copyOf(sequenceIds);
    }
}
