package dev.onboardingengine.workflow.action;

import java.time.Instant;

import org.springframework.modulith.NamedInterface;

/**
 * Something a person must do in a journey: a user task of one of the hire's sequences.
 *
 * @param assigneeId employee id of the person who must do it (null when the role is vacant)
 * @param completedAt null while open
 * @param late it appeared after it was already due: its moment had passed when the hire was
 *     created or the sequence added, so it was scheduled at once instead of being skipped
 * @param overdue still open after its due date
 * @param removed ended without being done: its journey was cancelled (completedAt is when)
 */
@NamedInterface("action")
public record Action(String id, String name, String sequenceKey, String assigneeId, Instant createdAt, Instant due,
        Instant completedAt, boolean late, boolean overdue, boolean removed) {

    /** Camunda's delete reason of a task that was completed (anything else ended it without being done). */
    static final String COMPLETED = "completed";

    public boolean isOpen() {
        return completedAt == null;
    }

    static Action of(String id, String name, String sequenceKey, String assigneeId, Instant createdAt, Instant due,
            Instant completedAt, Instant now) {
        return of(id, name, sequenceKey, assigneeId, createdAt, due, completedAt, null, now);
    }

    /** @param endReason Camunda's delete reason of an ended task ({@value #COMPLETED} when done) */
    static Action of(String id, String name, String sequenceKey, String assigneeId, Instant createdAt, Instant due,
            Instant completedAt, String endReason, Instant now) {
        boolean late = due != null && createdAt != null && createdAt.isAfter(due);
        boolean overdue = due != null && completedAt == null && now.isAfter(due);
        boolean removed = completedAt != null && endReason != null && !COMPLETED.equals(endReason);
        return new Action(id, name, sequenceKey, assigneeId, createdAt, due, completedAt, late, overdue, removed);
    }
}
