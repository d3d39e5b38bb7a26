package dev.onboardingengine.workflow.journey;

/** Names of the process variables a journey carries; the BPMN refers to them by these names. */
public final class JourneyVariables {

    public static final String EMPLOYEE_ID = "employeeId";
    public static final String JOURNEY_ID = "journeyId";
    public static final String STARTS_AT = "startsAt";
    public static final String ENDS_AT = "endsAt";
    public static final String TIME_ZONE = "timeZone";
    public static final String EMAIL = "email";
    public static final String FIRST_NAME = "firstName";
    public static final String LAST_NAME = "lastName";
    public static final String LANGUAGE = "language";
    public static final String SEQUENCE_KEYS = "sequenceKeys";
    /** One element of {@link #SEQUENCE_KEYS} inside the multi-instance sequence call. */
    public static final String SEQUENCE_KEY = "sequenceKey";
    /** Batches of sequences added to the running journey that have not finished; it closes at 0. */
    public static final String OPEN_ADDED_SEQUENCES = "openAddedSequences";
    /** Local to one run of Sub_SequencesAdded: the keys it calls. */
    public static final String ADDED_SEQUENCE_KEYS = "addedSequenceKeys";
    public static final String SEQUENCES_ADDED_MESSAGE = "SequencesAdded";
    /** The hire's start day (ISO date) and zone: sequences compute their moments from them. */
    public static final String START_DAY = "startDay";

    /**
     * Stakeholder variables are named {@code <role><Field>} for the roles {@link #STAKEHOLDER_ROLES}:
     * {@code buddyId}, {@code buddyEmail}, {@code buddyFirstName}, {@code buddyLastName},
     * {@code buddyLanguage}, {@code buddyNotify} (false: never notified). The hire's are {@code hire*};
     * {@code hr*} is the organisation's HR mailbox (onboarding.journey.hr-email), if any.
     */
    public static final java.util.List<String> STAKEHOLDER_ROLES = java.util.List.of("hire", "buddy", "manager", "hr");
    /** false: the journey is a draft track and waits at Wait_TrackStarted; true or absent: it starts at once. */
    public static final String START_IMMEDIATELY = "startImmediately";
    /** When a started track's invitation goes out; null: at once. */
    public static final String INVITE_AT = "inviteAt";
    public static final String TRACK_STARTED_MESSAGE = "TrackStarted";
    public static final String TRACK_CANCELLED_MESSAGE = "TrackCancelled";
    /** Local input of a status milestone element. */
    public static final String STATUS = "status";

    private JourneyVariables() {
    }
}
