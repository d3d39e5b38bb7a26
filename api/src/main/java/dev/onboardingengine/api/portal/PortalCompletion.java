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
public class PortalCompletion {

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
        record(visitor.employeeId(), actionId, "on the portal", () -> withinReach(visitor, actionId));
    }

    /**
     * The same completion from elsewhere than the page (a Slack button), audited as the employee. Not
     * through a link, so no issuer's reach bounds it: the action's owner, and only they, completes it.
     *
     * @param where how the audit entry says it was done, e.g. "from Slack"
     * @throws JourneyActions.ActionNotFound when no such action is open (done already, or never was)
     * @throws JourneyActions.ActionNotYours when it is someone else's
     * @throws DoneOnThePage when it is a form or a document, done on the page only
     */
    @Transactional
    public void completeAs(long employeeId, String actionId, String where) {
        if (!toDos.isPlain(actionId)) {
            throw new DoneOnThePage(actionId);
        }
        record(employeeId, actionId, where, () -> true);
    }

    private void record(long employeeId, String actionId, String where, java.util.function.BooleanSupplier allowed) {
        actions.complete(actionId,
                action -> Long.toString(employeeId).equals(action.assigneeId()) && allowed.getAsBoolean());
        audit.record("action_completion", employeeId, "action", actionId,
                "Action " + actionId + " completed " + where, Instant.now());
    }

    /** A form or a document: only the page, where it is filled in or read, completes it. */
    public static class DoneOnThePage extends RuntimeException {

        DoneOnThePage(String actionId) {
            super("Action " + actionId + " is done on the page");
        }
    }

    /** A bounded link completes only what its page shows: the visitor's open actions within its reach. */
    private boolean withinReach(PortalVisitor visitor, String actionId) {
        return visitor.reach().everyone() || involvement.openActions(visitor.employeeId(), visitor.reach()).stream()
                .anyMatch(owned -> owned.action().id().equals(actionId));
    }
}
