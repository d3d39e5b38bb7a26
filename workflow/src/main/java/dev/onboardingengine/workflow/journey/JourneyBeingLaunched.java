package dev.onboardingengine.workflow.journey;

import java.util.Optional;

/**
 * What the launcher knows of the journey it is starting, on the launching thread for as long as Camunda's
 * start runs ({@link #during}); the start's synchronous steps run on that thread. The first milestone the
 * process reaches there (Status_Draft) takes it: it then needs no read of the journey row (just inserted,
 * no status yet) and attaches the process instance in the same update that writes the status, instead of
 * the launcher's separate one. A milestone reached later (another transaction, another thread), or a
 * process restarted at Status_Draft from Cockpit, finds none and records as always.
 */
final class JourneyBeingLaunched {

    private static final ThreadLocal<JourneyBeingLaunched> CURRENT = new ThreadLocal<>();

    private final long journeyId;
    private final long employeeId;
    private final String mobility;
    private boolean firstStatusTaken;

    JourneyBeingLaunched(long journeyId, long employeeId, String mobility) {
        this.journeyId = journeyId;
        this.employeeId = employeeId;
        this.mobility = mobility;
    }

    /** Runs the process start with this journey as the one being launched on this thread. */
    <T> T during(java.util.function.Supplier<T> start) {
        JourneyBeingLaunched outer = CURRENT.get();
        CURRENT.set(this);
        try {
            return start.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** The journey this thread is launching, if its first milestone has not been recorded yet. */
    static Optional<JourneyBeingLaunched> firstStatusOf(long journeyId) {
        JourneyBeingLaunched launched = CURRENT.get();
        if (launched == null || launched.firstStatusTaken || launched.journeyId != journeyId) {
            return Optional.empty();
        }
        launched.firstStatusTaken = true;
        return Optional.of(launched);
    }

    long employeeId() {
        return employeeId;
    }

    String mobility() {
        return mobility;
    }

    /** Whether that first milestone attached the process instance already. */
    boolean attached() {
        return firstStatusTaken;
    }
}
