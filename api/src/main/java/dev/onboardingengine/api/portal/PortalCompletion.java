package dev.onboardingengine.api.portal;

import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.onboardingengine.api.audit.AuditLog;
import dev.onboardingengine.workflow.action.JourneyActions;

/**
 * Marking an action done from the page: only an action assigned to the visitor, of a journey within the
 * link's reach, and the engine's completion and its audit entry (actor: the visitor) in one transaction,
 * as the API's completion does.
 */
@Service
class PortalCompletion {

    private final JourneyActions actions;
    private final PlainToDos toDos;
    private final AuditLog audit;
    private final JourneyInvolvement involvement;

    PortalCompletion(JourneyActions actions, PlainToDos toDos, AuditLog audit, JourneyInvolvement involvement) {
        this.actions = actions;
        this.toDos = toDos;
        this.audit = audit;
        this.involvement = involvement;
    }

    /**
     * @throws JourneyActions.ActionNotFound when no such action is open
     * @throws JourneyActions.ActionNotYours when it is someone else's, or of a journey outside the link's reach
     * @throws PlainToDos.NotAToDo when a {@link PortalSection} does it (a form, a document)
     */
    @Transactional
    void complete(PortalVisitor visitor, String actionId) {
        if (!toDos.isPlain(actionId)) {
            throw new PlainToDos.NotAToDo(actionId);
        }
        actions.complete(actionId, action -> Long.toString(visitor.employeeId()).equals(action.assigneeId())
                && withinReach(visitor, actionId));
        audit.record("action_completion", visitor.employeeId(), "action", actionId,
                "Action " + actionId + " completed on the portal", Instant.now());
    }

    /** A bounded link completes only what its page shows: the visitor's open actions within its reach. */
    private boolean withinReach(PortalVisitor visitor, String actionId) {
        return visitor.reach().everyone() || involvement.openActions(visitor.employeeId(), visitor.reach()).stream()
                .anyMatch(owned -> owned.action().id().equals(actionId));
    }
}
