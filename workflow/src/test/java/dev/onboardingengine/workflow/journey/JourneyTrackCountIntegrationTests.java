package dev.onboardingengine.workflow.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.onboardingengine.workflow.hire.Stakeholder;
import dev.onboardingengine.workflow.testing.EngineIntegrationTest;

@EngineIntegrationTest
class JourneyTrackCountIntegrationTests {

    @Autowired
    Journeys journeys;
    @Autowired
    JourneyManagement tracks;

    @Test
    void givenMoreTracksThanAsked_whenCountedUpTo_thenTheCountStopsThereAndBelowItIsExact() {
        // Given five in_progress journeys and one closed, of employees of this test alone
        long first = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
        List<Long> employees = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < 6; i++) {
            long employee = first + i;
            employees.add(employee);
            long journey = journeys.insert(new JourneyStart(UUID.randomUUID(), "onboarding",
                    new Stakeholder(employee, "Ada", "Lovelace", "ada@example.com", "en", true), "UTC", LocalDate.now(),
                    now, null, List.of(), null, null, null), now, now);
            journeys.changeStatus(journey, i < 5 ? JourneyStatus.IN_PROGRESS : JourneyStatus.CLOSED, now);
        }

        // When they are counted up to three, up to ten, and exactly
        long upToThree = tracks.countUpTo(JourneyStatus.IN_PROGRESS, employees, 3);
        long upToTen = tracks.countUpTo(JourneyStatus.IN_PROGRESS, employees, 10);
        long exact = tracks.count(JourneyStatus.IN_PROGRESS, employees);

        // Then the capped count reads no more than asked, and agrees with the exact one below its limit
        assertThat(upToThree).isEqualTo(3);
        assertThat(upToTen).isEqualTo(5).isEqualTo(exact);
        assertThat(tracks.countUpTo(null, employees, 10)).isEqualTo(6);
        assertThat(tracks.countUpTo(JourneyStatus.IN_PROGRESS, List.of(), 10)).isZero();
    }
}
