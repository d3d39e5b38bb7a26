package dev.onboardingengine.api.hire;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.onboardingengine.api.directory.Employee;
import dev.onboardingengine.api.directory.Employees;
import dev.onboardingengine.api.input.FieldLimits;
import dev.onboardingengine.api.organisation.Organisations;
import dev.onboardingengine.workflow.sequence.SequenceCatalog;

import jakarta.validation.Validator;

/**
 * What makes a hire acceptable, for every channel: NewHire's Bean Validation constraints (their
 * messages are the violation codes), then the rules that need the directory (a taken email, an unknown
 * unit, buddy, manager or sequence). Nothing is written; an empty list means accepted.
 */
@Component
class HireRules {

    private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2,3}([-_][A-Za-z0-9]{2,8})*$");

    private final Employees employees;
    private final OrganisationProperties organisation;
    private final Validator validator;
    private final SequenceCatalog sequences;
    private final Organisations units;

    HireRules(Employees employees, OrganisationProperties organisation, Validator validator, SequenceCatalog sequences,
            Organisations units) {
        this.employees = employees;
        this.organisation = organisation;
        this.validator = validator;
        this.sequences = sequences;
        this.units = units;
    }

    /**
     * The one validate-and-merge step of the dialects: the hire's own problems, then those its
     * translation found. A field the translation already reports (an unknown role, so the hire has
     * none) is not reported a second time by the hire's rules.
     */
    @Transactional(readOnly = true)
    List<InvalidHire.Violation> validate(NewHire hire, List<InvalidHire.Violation> translated) {
        Set<String> named = translated.stream().map(InvalidHire.Violation::field).collect(Collectors.toSet());
        List<InvalidHire.Violation> violations = new ArrayList<>(validate(hire, (Long) null).stream()
                .filter(violation -> !named.contains(violation.field())).toList());
        violations.addAll(translated);
        return violations;
    }

    /**
     * A hire request that names an external id: the same rules, except that when the external id is
     * known, the email may be the one that person already has.
     */
    @Transactional(readOnly = true)
    List<InvalidHire.Violation> validate(String externalId, NewHire hire) {
        List<InvalidHire.Violation> violations = new ArrayList<>();
        Long self = null;
        if (externalId == null) {
            violations.add(new InvalidHire.Violation("externalId", "required", null));
        } else if (externalId.isBlank()) {
            violations.add(new InvalidHire.Violation("externalId", "blank", externalId));
        } else if (FieldLimits.tooLong(externalId, FieldLimits.EXTERNAL_ID)) {
            violations.add(new InvalidHire.Violation("externalId", FieldLimits.TOO_LONG, FieldLimits.EXTERNAL_ID));
        } else {
            Employee known = employees.findByExternalIdIncludingRemoved(externalId).orElse(null);
            if (known != null && employees.find(known.id()).isEmpty()) {
                // The person was removed; bringing them back is not something a re-sent request should do silently.
                violations.add(new InvalidHire.Violation("externalId", "removed", externalId));
            }
            self = known == null ? null : known.id();
        }
        violations.addAll(validate(hire, self));
        return violations;
    }

    /**
     * @param self the employee being changed, whose own email and external id are not duplicates; null
     *        for a new person
     */
    @Transactional(readOnly = true)
    List<InvalidHire.Violation> validate(NewHire hire, Long self) {
        List<InvalidHire.Violation> violations = new ArrayList<>(validator.validate(hire).stream()
                .map(v -> new InvalidHire.Violation(v.getPropertyPath().toString(), v.getMessage(),
                        // A too long value is reported by its limit: echoing a megabyte back helps no one.
                        FieldLimits.TOO_LONG.equals(v.getMessage())
                                ? v.getConstraintDescriptor().getAttributes().get("max")
                                : v.getInvalidValue()))
                .toList());
        boolean emailWellFormed = violations.stream().noneMatch(v -> v.field().equals("email"));
        if (emailWellFormed && employees.emailTaken(hire.email(), self)) {
            violations.add(new InvalidHire.Violation("email", "duplicate", hire.email()));
        }
        if (hire.externalId() != null && employees.externalIdTaken(hire.externalId(), self)) {
            violations.add(new InvalidHire.Violation("externalId", "duplicate", hire.externalId()));
        }
        if (hire.unitOrganizationId() != null && !units.exists(hire.unitOrganizationId())) {
            violations.add(
                    new InvalidHire.Violation("unitOrganizationId", "unknown_reference", hire.unitOrganizationId()));
        }
        zone(violations, hire.timeZone() == null ? organisation.timeZone() : hire.timeZone());
        String language = hire.language() == null || hire.language().isBlank()
                ? organisation.language()
                : hire.language();
        if (!LANGUAGE.matcher(language).matches()) {
            violations.add(new InvalidHire.Violation("language", "invalid_choice", hire.language()));
        }
        reference(violations, "buddyId", hire.buddyId());
        reference(violations, "managerId", hire.managerId());
        // The same sequence twice is refused as ChiefOnboarding's serializer refuses it (fewer distinct
        // sequences found than ids given: "Not all sequence ids are valid."): a journey runs each once.
        boolean repeated = hire.sequenceIds().stream().distinct().count() != hire.sequenceIds().size();
        if (!hire.sequenceIds().isEmpty() && (repeated || sequences.withIds(hire.sequenceIds()).isEmpty())) {
            violations.add(new InvalidHire.Violation("sequenceIds", "unknown_reference", hire.sequenceIds()));
        }
        return violations;
    }

    /** A manager or buddy must be someone else than the person: checked on changes, where the id is known. */
    static void notSelf(List<InvalidHire.Violation> violations, String field, Long id, long self) {
        if (id != null && id == self) {
            violations.add(new InvalidHire.Violation(field, "self_reference", id));
        }
    }

    private static void zone(List<InvalidHire.Violation> violations, String timeZone) {
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            violations.add(new InvalidHire.Violation("timeZone", "invalid_choice", timeZone));
        }
    }

    private void reference(List<InvalidHire.Violation> violations, String field, Long id) {
        if (id != null && !employees.exists(id)) {
            violations.add(new InvalidHire.Violation(field, "unknown_reference", id));
        }
    }
}
