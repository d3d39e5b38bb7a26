package dev.onboardingengine.api.journeys;

import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.onboardingengine.api.audit.AuditLog;
import dev.onboardingengine.api.auth.Caller;
import dev.onboardingengine.workflow.action.JourneyActions;

/**
 * Completing an action through the API: the engine's completion and its audit entry in one
 * transaction (Camunda shares the Spring transaction), so the trail never shows an undone completion.
 */
@Service
class ActionCompletion {

    private final JourneyActions actions;
    private final AuditLog audit;

    ActionCompletion(JourneyActions actions, AuditLog audit) {
        this.actions = actions;
        this.audit = audit;
    }

    /** An administrator may complete any action, anyone else only their own. */
    @Transactional
    void complete(Caller caller, String actionId) {
        actions.complete(actionId, action -> caller.isAdmin()
                || Long.toString(caller.employeeId()).equals(action.assigneeId()));
        audit.record("action_completion", caller.employeeId(), "action", actionId, "Action " + actionId + " completed",
                Instant.now());
    }
}
