package dev.onboardingengine.api.paperwork;

import java.time.Instant;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.onboardingengine.workflow.action.ActionCompleted;
import dev.onboardingengine.workflow.paperwork.PaperworkAssigned;

/**
 * Keeps forms and documents in step with their actions, synchronously in the engine's transaction:
 * a form or document exists exactly when its action does, and an action completed in Tasklist or
 * Cockpit ends its paperwork too.
 */
@Component
class PaperworkListener {

    private final JourneyForms forms;
    private final JourneyDocuments documents;

    PaperworkListener(JourneyForms forms, JourneyDocuments documents) {
        this.forms = forms;
        this.documents = documents;
    }

    @EventListener
    void onAssigned(PaperworkAssigned assigned) {
        if (assigned.form() != null) {
            forms.open(assigned, Instant.now());
        }
        if (assigned.document() != null) {
            documents.open(assigned, Instant.now());
        }
    }

    @EventListener
    void onCompleted(ActionCompleted completed) {
        forms.actionCompleted(completed.actionId(), Instant.now());
        documents.actionCompleted(completed.actionId(), employeeId(completed.assigneeId()), Instant.now());
    }

    private static Long employeeId(String assignee) {
        try {
            return assignee == null ? null : Long.valueOf(assignee);
        } catch (NumberFormatException notAnEmployee) {
            return null;
        }
    }
}
