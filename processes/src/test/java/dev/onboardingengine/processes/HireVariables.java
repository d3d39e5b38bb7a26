package dev.onboardingengine.processes;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables a journey starts with, as workflow's JourneyLauncher sets them (employee and journey
 * ids, start day and zone, startsAt at the start hour, endsAt, sequenceKeys, openAddedSequences = 0,
 * startImmediately, and the {@code <role>Id/Email/FirstName/LastName/Language/Notify} of the hire,
 * buddy, manager and HR), and the moments the diagrams should compute from them. Sequences get the
 * same variables: the journeys call them with {@code <camunda:in variables="all"/>}.
 *
 * <p>The hire starts on Monday 16 March 2026 in Paris (UTC+1 that day), announced two weeks before.
 */
final class HireVariables {

    static final String EMPLOYEE_ID = "42";
    static final String BUDDY_ID = "7";
    static final String MANAGER_ID = "3";
    static final String HR_ID = "0";
    static final long JOURNEY_ID = 1001L;
    static final LocalDate START_DAY = LocalDate.of(2026, 3, 16);
    static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    /** When the hire is announced: the test clock's first moment. */
    static final Instant ANNOUNCED_AT = Instant.parse("2026-03-02T10:00:00Z");

    private final List<String> sequenceKeys;
    private final Boolean startImmediately;

    private HireVariables(List<String> sequenceKeys, Boolean startImmediately) {
        this.sequenceKeys = sequenceKeys;
        this.startImmediately = startImmediately;
    }

    /** A hire announced by NewHireCreated: the journey starts at once. */
    static HireVariables newHire(String... sequenceKeys) {
        return new HireVariables(List.of(sequenceKeys), true);
    }

    /** A Workelo track created by POST /tracks: a draft until TrackStarted. */
    static HireVariables draftTrack(String... sequenceKeys) {
        return new HireVariables(List.of(sequenceKeys), false);
    }

    /** As a journey started before startImmediately existed: the variable is absent. */
    HireVariables withoutStartImmediately() {
        return new HireVariables(sequenceKeys, null);
    }

    Map<String, Object> asMap() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("employeeId", Long.parseLong(EMPLOYEE_ID));
        variables.put("journeyId", JOURNEY_ID);
        variables.put("firstName", "Grace");
        variables.put("lastName", "Hopper");
        variables.put("email", "grace@example.com");
        variables.put("timeZone", ZONE.getId());
        variables.put("startsAt", startsAt());
        variables.put("endsAt", endsAt());
        variables.put("language", "en");
        variables.put("startDay", START_DAY.toString());
        variables.put("sequenceKeys", new ArrayList<>(sequenceKeys));
        variables.put("openAddedSequences", 0);
        if (startImmediately != null) {
            variables.put("startImmediately", startImmediately);
        }
        putStakeholder(variables, "hire", EMPLOYEE_ID, "Grace", "Hopper");
        putStakeholder(variables, "buddy", BUDDY_ID, "Ada", "Lovelace");
        putStakeholder(variables, "manager", MANAGER_ID, "Alan", "Turing");
        putStakeholder(variables, "hr", HR_ID, "HR", "");
        return variables;
    }

    private static void putStakeholder(Map<String, Object> variables, String role, String id, String firstName,
            String lastName) {
        variables.put(role + "Id", id);
        variables.put(role + "Email", firstName.toLowerCase() + "@example.com");
        variables.put(role + "FirstName", firstName);
        variables.put(role + "LastName", lastName);
        variables.put(role + "Language", "en");
        variables.put(role + "Notify", true);
    }

    /** The start day at the start hour in the hire's zone: 08:00 UTC. */
    static Date startsAt() {
        return OnboardingTimeDouble.dayOfJourney(START_DAY, ZONE, 0);
    }

    /** The journey's default end, 90 days after the start day. */
    static Date endsAt() {
        return OnboardingTimeDouble.dayOfJourney(START_DAY, ZONE, 90);
    }

    static Date daysBeforeStart(int days) {
        return OnboardingTimeDouble.dayOfJourney(START_DAY, ZONE, -days);
    }

    static Date workday(int n) {
        return OnboardingTimeDouble.dayOfJourney(START_DAY, ZONE, n - 1);
    }

    static Date escalationOf(Date due) {
        return Date.from(due.toInstant().plus(OnboardingTimeDouble.ESCALATE_AFTER));
    }

    static Instant justBefore(Date moment) {
        return moment.toInstant().minus(Duration.ofMinutes(1));
    }
}
