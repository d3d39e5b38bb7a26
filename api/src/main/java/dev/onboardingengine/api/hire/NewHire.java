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
        @NotNull(message = "required") @Pattern(regexp = NOT_BLANK, message = "blank") @Size(max = FieldLimits.NAME, message = FieldLimits.TOO_LONG) String firstName,
        @NotNull(message = "required") @Pattern(regexp = NOT_BLANK, message = "blank") @Size(max = FieldLimits.NAME, message = FieldLimits.TOO_LONG) String lastName,
        @NotNull(message = "required") @Pattern(regexp = NOT_BLANK, message = "blank") @Email(regexp = "(?s)\\s*|.+@.+\\..+", message = "invalid") String email,
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

    /** A hire built field by field: what a dialect does not know it leaves out, instead of passing null by position. */
    public static Builder builder() {
        return new Builder();
    }

    /** This hire's fields in a builder, to change some of them. */
    public Builder toBuilder() {
        return new Builder().firstName(firstName).lastName(lastName).email(email).role(role).phone(phone)
                .position(position).language(language).message(message).startDay(startDay).buddyId(buddyId)
                .managerId(managerId).timeZone(timeZone).sequenceIds(sequenceIds).externalId(externalId)
                .unitOrganizationId(unitOrganizationId);
    }

    /** Fields left unset are null (sequences: none); {@link #build} applies the record's own normalisation. */
    public static final class Builder {

        private String firstName;
        private String lastName;
        private String email;
        private EmployeeRole role;
        private String phone;
        private String position;
        private String language;
        private String message;
        private LocalDate startDay;
        private Long buddyId;
        private Long managerId;
        private String timeZone;
        private List<Long> sequenceIds;
        private String externalId;
        private Long unitOrganizationId;

        private Builder() {
        }

        public Builder firstName(String firstName) {
            this.firstName = firstName;
            return this;
        }

        public Builder lastName(String lastName) {
            this.lastName = lastName;
            return this;
        }

        public Builder email(String email) {
            this.email = email;
            return this;
        }

        public Builder role(EmployeeRole role) {
            this.role = role;
            return this;
        }

        public Builder phone(String phone) {
            this.phone = phone;
            return this;
        }

        public Builder position(String position) {
            this.position = position;
            return this;
        }

        public Builder language(String language) {
            this.language = language;
            return this;
        }

        public Builder message(String message) {
            this.message = message;
            return this;
        }

        public Builder startDay(LocalDate startDay) {
            this.startDay = startDay;
            return this;
        }

        public Builder buddyId(Long buddyId) {
            this.buddyId = buddyId;
            return this;
        }

        public Builder managerId(Long managerId) {
            this.managerId = managerId;
            return this;
        }

        public Builder timeZone(String timeZone) {
            this.timeZone = timeZone;
            return this;
        }

        public Builder sequenceIds(List<Long> sequenceIds) {
            this.sequenceIds = sequenceIds;
            return this;
        }

        public Builder externalId(String externalId) {
            this.externalId = externalId;
            return this;
        }

        public Builder unitOrganizationId(Long unitOrganizationId) {
            this.unitOrganizationId = unitOrganizationId;
            return this;
        }

        public NewHire build() {
            return new NewHire(firstName, lastName, email, role, phone, position, language, message, startDay, buddyId,
                    managerId, timeZone, sequenceIds, externalId, unitOrganizationId);
        }
    }
}
