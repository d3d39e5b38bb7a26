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
    public static final String SEQUENCE_KEYS = "sequenceKeys";
    /** Local input of a status milestone element. */
    public static final String STATUS = "status";

    private JourneyVariables() {
    }
}
