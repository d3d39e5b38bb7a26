package dev.onboardingengine.api.hire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.Mockito.mock;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.onboardingengine.api.directory.EmployeeRole;
import dev.onboardingengine.api.directory.Employees;
import dev.onboardingengine.api.organisation.Organisations;
import dev.onboardingengine.workflow.sequence.SequenceCatalog;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;

/** The hire's rules without a database: the directory's answers are "nobody, nothing taken". */
class HireRulesTests {

    final ValidatorFactory validation = Validation.buildDefaultValidatorFactory();
    final HireRules rules = new HireRules(mock(Employees.class), new OrganisationProperties("UTC", "en"),
            validation.getValidator(), mock(SequenceCatalog.class), mock(Organisations.class));

    @AfterEach
    void close() {
        validation.close();
    }

    @Test
    void reportsTheTranslationsFindingsAfterTheHiresOwnAndEachFieldOnce() {
        // Given a hire without role, because the dialect's role name was unknown, and a blank first name
        NewHire hire = NewHire.builder().firstName(" ").lastName("Lovelace").email("ada@example.com").build();
        List<InvalidHire.Violation> translated = List.of(new InvalidHire.Violation("role", "invalid_choice", "boss"),
                new InvalidHire.Violation("working_days", "invalid_days", List.of("funday")));

        // When both are merged
        List<InvalidHire.Violation> all = rules.validate(hire, translated);

        // Then the hire's own problem comes first, and "role" is the translation's, not also "required"
        assertThat(all).extracting(InvalidHire.Violation::field, InvalidHire.Violation::code)
                .containsExactly(tuple("firstName", "blank"), tuple("role", "invalid_choice"),
                        tuple("working_days", "invalid_days"));
    }

    @Test
    void anAcceptableHireWithNothingTranslatedHasNoViolations() {
        NewHire hire = NewHire.builder().firstName("Ada").lastName("Lovelace").email("ada@example.com")
                .role(EmployeeRole.NEW_HIRE).build();

        assertThat(rules.validate(hire, List.of())).isEmpty();
    }

    @Test
    void aTooLongPositionIsReportedByItsLimitNotItsValue() {
        NewHire hire = NewHire.builder().firstName("Ada").lastName("Lovelace").email("ada@example.com")
                .role(EmployeeRole.NEW_HIRE).position("x".repeat(10_000)).build();

        assertThat(rules.validate(hire, List.of())).extracting(InvalidHire.Violation::field,
                InvalidHire.Violation::code, InvalidHire.Violation::rejectedValue)
                .containsExactly(tuple("position", "too_long", 300));
    }

    @Test
    void aManagerIsNeverThePersonThemselves() {
        List<InvalidHire.Violation> violations = new java.util.ArrayList<>();

        HireRules.notSelf(violations, "managerId", 7L, 7L);
        HireRules.notSelf(violations, "buddyId", 8L, 7L);

        assertThat(violations).containsExactly(new InvalidHire.Violation("managerId", "self_reference", 7L));
    }
}
