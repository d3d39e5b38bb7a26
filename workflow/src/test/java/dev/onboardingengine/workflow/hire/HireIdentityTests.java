package dev.onboardingengine.workflow.hire;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class HireIdentityTests {

    private static final UUID ADA = UUID.randomUUID();
    private static final HireDirectory.Entry ADA_NOW = new HireDirectory.Entry(ADA, "ada@example.com", "Ada",
            "Lovelace");

    @Test
    void acceptsTheEmployeeWithTheEventsUuidEvenAfterHerEmailChanged() {
        NewHireCreated hire = event(ADA, "ada.old@example.com", "Ada", "Lovelace");

        assertThat(HireIdentity.mismatch(hire, Optional.of(ADA_NOW))).isEmpty();
    }

    @Test
    void refusesAnEmployeeIdNowHeldBySomebodyElse() {
        // Given the id of a lost hire, given since to another person
        NewHireCreated lost = event(UUID.randomUUID(), "grace@example.com", "Grace", "Hopper");

        // Then the event is refused, naming both people
        HireIdentity.Mismatch mismatch = HireIdentity.mismatch(lost, Optional.of(ADA_NOW)).orElseThrow();
        assertThat(mismatch.fields()).containsExactly("employeeUuid");
        assertThat(mismatch.reason()).contains("employee 7 is Ada Lovelace <ada@example.com>")
                .contains("Grace Hopper <grace@example.com>");
    }

    @Test
    void refusesAnEmployeeIdThatDoesNotExist() {
        HireIdentity.Mismatch mismatch = HireIdentity.mismatch(event(ADA, "ada@example.com", "Ada", "Lovelace"),
                Optional.empty()).orElseThrow();

        assertThat(mismatch.reason()).isEqualTo("employee 7 does not exist");
        assertThat(mismatch.fields()).containsExactly("employeeId");
    }

    @Test
    void comparesEmailAndNamesOfEventsWithoutUuid() {
        assertThat(HireIdentity.mismatch(event(null, " ADA@example.com", "Ada", "Lovelace"), Optional.of(ADA_NOW)))
                .isEmpty();
        assertThat(HireIdentity.mismatch(event(null, "grace@example.com", "Grace", "Lovelace"), Optional.of(ADA_NOW))
                .orElseThrow().fields()).containsExactly("email", "firstName");
    }

    private static NewHireCreated event(UUID uuid, String email, String firstName, String lastName) {
        return new NewHireCreated(UUID.randomUUID(), 7, firstName, lastName, email, "en", "UTC",
                LocalDate.now().plusDays(7), null, null, List.of(), Instant.now(), null, null, uuid);
    }
}
