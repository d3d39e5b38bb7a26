package dev.onboardingengine.api.portal;

/**
 * A magic link was asked for someone who has nothing to do in a journey: no journey scheduled,
 * invitation sent or in progress, and no open action in one. Workelo's guide: links "only work if the
 * employee has an active journey".
 */
public class NoActiveJourney extends RuntimeException {

    private final long employeeId;

    NoActiveJourney(long employeeId) {
        super("Employee " + employeeId
                + " has no active journey (scheduled, invitation_sent or in_progress) and no open "
                + "action in one: a magic link would open nothing.");
        this.employeeId = employeeId;
    }

    public long employeeId() {
        return employeeId;
    }
}
