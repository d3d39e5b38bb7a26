package dev.onboardingengine.workflow.action;

import java.time.Instant;

/**
 * Something a person must do in a journey: a user task of one of the hire's sequences.
 *
 * @param assigneeId employee id of the person who must do it (null when the role is vacant)
 * @param completedAt null while open
 */
public record Action(String id, String name, String sequenceKey, String assigneeId, Instant createdAt, Instant due,
        Instant completedAt) {

    public boolean isOpen() {
        return completedAt == null;
    }
}
