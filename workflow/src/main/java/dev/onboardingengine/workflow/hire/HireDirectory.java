package dev.onboardingengine.workflow.hire;

import java.util.Optional;
import java.util.UUID;

import org.springframework.modulith.NamedInterface;

/**
 * The engine's question to the directory before it starts a journey: who is employee N now? The
 * directory lives in {@code api}, which implements this port, so {@code workflow} never imports it.
 * A {@link NewHireCreated} is trusted only when it names the person the directory holds under its
 * employee id: after a lost write an id can be given to somebody else, and a stale event must never
 * start a journey for them.
 */
@NamedInterface("hire")
public interface HireDirectory {

    /**
     * Locks the person in the directory until the caller's transaction ends and reads them as they are now,
     * archived or hidden ones included; empty when there is none. The journey start calls it first: a
     * deletion of the person runs wholly before it (no journey starts) or wholly after it (the journey is
     * cancelled), never in between. One read serves both the identity check and the lock.
     */
    Optional<Locked> lock(long employeeId);

    /** @param active false when the person was deleted (archived) */
    @NamedInterface("hire")
    record Locked(Entry entry, boolean active) {
    }

    /** A person as the directory holds them; {@code uuid} is random and never given twice. */
    @NamedInterface("hire")
    record Entry(UUID uuid, String email, String firstName, String lastName) {
    }
}
