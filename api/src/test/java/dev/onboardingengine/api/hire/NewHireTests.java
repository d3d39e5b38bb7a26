package dev.onboardingengine.api.hire;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.onboardingengine.api.directory.EmployeeRole;

class NewHireTests {

    @Test
    void leavesFieldsThatAreNotSetEmpty() {
        // Given a hire that names only who the person is
        // When it is built
        NewHire hire = NewHire.builder().firstName("Ada").lastName("Lovelace").email("ada@example.com")
                .role(EmployeeRole.NEW_HIRE).build();

        // Then everything else is unset, and sequences are none rather than null
        assertThat(hire.firstName()).isEqualTo("Ada");
        assertThat(hire.role()).isEqualTo(EmployeeRole.NEW_HIRE);
        assertThat(hire.phone()).isNull();
        assertThat(hire.managerId()).isNull();
        assertThat(hire.unitOrganizationId()).isNull();
        assertThat(hire.sequenceIds()).isEmpty();
    }

    @Test
    void appliesTheRecordsNormalisationWhenBuilt() {
        // Given a blank-padded external id and a mutable list of sequences
        List<Long> sequences = new java.util.ArrayList<>(List.of(3L));

        // When the hire is built and the list changes afterwards
        NewHire hire = NewHire.builder().externalId("  hr-7 ").sequenceIds(sequences).build();
        sequences.add(4L);

        // Then the external id is trimmed and the hire keeps its own copy of the sequences
        assertThat(hire.externalId()).isEqualTo("hr-7");
        assertThat(hire.sequenceIds()).containsExactly(3L);
    }

    @Test
    void changesOnlyTheFieldsSetOnACopy() {
        // Given a hire with every field set
        NewHire original = new NewHire("Ada", "Lovelace", "ada@example.com", EmployeeRole.MANAGER, "+44", "Analyst",
                "en", "Welcome", LocalDate.of(2026, 3, 2), 1L, 2L, "Europe/London", List.of(5L), "hr-1", 9L);

        // When a copy changes its start day and manager
        NewHire moved = original.toBuilder().startDay(LocalDate.of(2026, 4, 1)).managerId(3L).build();

        // Then those two differ and everything else is the original's
        assertThat(moved).isEqualTo(new NewHire("Ada", "Lovelace", "ada@example.com", EmployeeRole.MANAGER, "+44",
                "Analyst", "en", "Welcome", LocalDate.of(2026, 4, 1), 1L, 3L, "Europe/London", List.of(5L), "hr-1",
                9L));
    }
}
