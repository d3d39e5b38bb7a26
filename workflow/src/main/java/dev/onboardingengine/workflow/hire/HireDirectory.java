package dev.onboardingengine.workflow.hire;

import java.util.Optional;
import java.util.UUID;

/**
 * The engine's question to the directory before it starts a journey: who is employee N now? The
 * directory lives in {@code api}, which implements this port, so {@code workflow} never imports it.
 * A {@link NewHireCreated} is trusted only when it names the person the directory holds under its
 * employee id: after a lost write an id can be given to somebody else, and a stale event must never
 * start a journey for them.
 */
public interface HireDirectory {

    /** The employee with this id, archived or hidden ones included; empty when there is none. */
    Optional<Entry> find(long employeeId);

    /** A person as the directory holds them; {@code uuid} is random and never given twice. */
    record Entry(UUID uuid, String email, String firstName, String lastName) {
    }
}
