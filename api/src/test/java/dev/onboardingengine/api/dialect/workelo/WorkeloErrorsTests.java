package dev.onboardingengine.api.dialect.workelo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

import dev.onboardingengine.api.organisation.InvalidUnit;
import dev.onboardingengine.api.paperwork.InvalidOption;
import dev.onboardingengine.api.problem.InvalidFields;
import dev.onboardingengine.api.problem.InvalidInput;

/** The domain names its fields its own way; Workelo's answers name them as Workelo's guide does. */
class WorkeloErrorsTests {

    final Rendering errors = new Rendering();

    /** The advice's handler, as Spring MVC calls it. */
    static class Rendering extends WorkeloErrors {

        ProblemDetail render(InvalidFields invalid) {
            return invalid instanceof InvalidOption option ? invalidOption(option) : invalidHire(invalid);
        }
    }

    @Test
    void aUnitsFieldsAreNamedAsWorkeloNamesThem() {
        ProblemDetail problem = errors.render(new InvalidUnit(List.of(
                new InvalidInput.Violation("levelOrganizationId", "unknown_reference", 9L),
                new InvalidInput.Violation("parentId", "cycle", 3L),
                new InvalidInput.Violation("externalId", "duplicate", "north"))));

        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getProperties()).containsEntry("level_organization_id", List.of("no such id: 9."))
                .containsEntry("parent_id",
                        List.of("unit 3 is this unit or one below it: a unit cannot become its own ancestor."))
                .containsEntry("external_id", List.of("\"north\" is already taken."))
                .doesNotContainKeys("levelOrganizationId", "parentId", "externalId");
    }

    @Test
    void anOptionsLabelIsWorkelosValueAndItsPositionStaysAPosition() {
        ProblemDetail problem = errors.render(new InvalidOption(List.of(
                new InvalidInput.Violation("label", "blank", " "),
                new InvalidInput.Violation("parentId", "unknown_reference", 12L),
                new InvalidInput.Violation("position", "out_of_range", -1))));

        assertThat(problem.getProperties()).containsEntry("value", List.of("must not be blank."))
                .containsEntry("parent_id", List.of("no such id: 12."))
                .containsEntry("position", List.of("\"-1\" is out of range."))
                .doesNotContainKeys("label", "parentId", "job_position");
    }

    @Test
    void aScopesUnitIsWorkelosUnitOrganizationId() {
        ProblemDetail problem = errors.render(
                new InvalidUnit(List.of(new InvalidInput.Violation("unitOrganizationId", "duplicate", 4L))));

        assertThat(problem.getProperties()).containsEntry("unit_organization_id", List.of("\"4\" is already taken."));
    }
}
